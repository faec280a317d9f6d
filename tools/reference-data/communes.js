// Writes ../../src/main/resources/reference/communes.csv from @etalab/decoupage-administratif (INSEE's code
// officiel géographique and La Poste's postal codes). Run: npm ci && node communes.js (see README.md).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const pkg = require('@etalab/decoupage-administratif/package.json');
const communes = require('@etalab/decoupage-administratif/data/communes.json');

const rows = [];
for (const c of communes) {
  if (c.nom.includes(';')) {
    throw new Error(`a name holds the separator: ${c.code} ${c.nom}`);
  }
  if (c.type === 'commune-actuelle') {
    if ((c.codesPostaux || []).length === 0) {
      continue; // the uninhabited Terres australes: no postal code, no place to qualify
    }
    rows.push([c.code, c.nom, c.codesPostaux.join('|'), '']);
  } else if (c.type === 'arrondissement-municipal') {
    rows.push([c.code, c.nom, (c.codesPostaux || []).join('|'), c.commune]);
  } else if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.code !== c.chefLieu) {
    // a former commune: people still write its name and code; its postal codes are its commune's
    rows.push([c.code, c.nom, '', c.chefLieu]);
  }
}
rows.sort((a, b) => (a[0] === b[0] ? a[1].localeCompare(b[1]) : a[0].localeCompare(b[0])));
const header = [
  `# Communes de France (métropole, outre-mer), leurs codes postaux et les communes déléguées ou associées.`,
  `# Source : npm ${pkg.name} ${pkg.version}, code officiel`,
  `# géographique de l'INSEE et base officielle des codes postaux de La Poste, Licence Ouverte / Etalab 2.0.`,
  `# Écrit par tools/reference-data/communes.js ; ne pas modifier à la main.`,
  `# commune = la commune dont relève un arrondissement municipal ou une commune déléguée ou associée`,
  `# (une commune déléguée ou associée prend les codes postaux de sa commune).`,
  'insee;nom;codes_postaux;commune',
];
const out = path.join(__dirname, '..', '..', 'src', 'main', 'resources', 'reference', 'communes.csv');
fs.writeFileSync(out, header.concat(rows.map((r) => r.join(';'))).join('\n') + '\n');
console.log(`${rows.length} communes written to ${path.relative(process.cwd(), out)}`);
