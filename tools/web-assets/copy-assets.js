#!/usr/bin/env node
'use strict';

/*
 * Copies the parts of the State's design system (DSFR) the pages use into the jar's static resources,
 * keeping the layout its stylesheets' relative URLs expect (fonts/, icons/, utility/icons/):
 *   dsfr.min.css, dsfr.module.min.js, utility/icons/icons.min.css, icons/**, fonts/*.woff2, favicon/**.
 * The nomodule script (old browsers; it needs eval, which the pages' CSP forbids), source maps, woff fonts
 * and examples stay out.
 *
 * Run by the Maven build (generate-resources, see pom.xml); by hand:
 *   node tools/web-assets/copy-assets.js <destination folder>
 */

const fs = require('node:fs');
const path = require('node:path');
const { installIfNeeded } = require('../npm-ci.js');

const TOOL_DIR = __dirname;
const DIST = path.join(TOOL_DIR, 'node_modules', '@gouvfr', 'dsfr', 'dist');
const FILES = [ 'dsfr.min.css', 'dsfr.module.min.js', 'utility/icons/icons.min.css' ];
const FOLDERS = [ [ 'icons', () => true ], [ 'fonts', name => name.endsWith('.woff2') ], [ 'favicon', () => true ] ];

function main() {
  const destination = process.argv[2];
  if (!destination) {
    fail('usage: node tools/web-assets/copy-assets.js <destination folder>');
  }
  try {
    installIfNeeded(TOOL_DIR, 'Web assets', { ignoreScripts: true });
  } catch (error) {
    fail(`${error.message}. The pages need the DSFR from npm.`);
  }
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

function copy(source, target) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(source, target);
}

function fail(message) {
  console.error(`Web assets: ${message}`);
  process.exit(2);
}

main();
