#!/usr/bin/env node
'use strict';

/*
 * Lints every BPMN model in bpmn/ and every DMN model in dmn/ with bpmnlint and dmnlint, using
 * .bpmnlintrc and .dmnlintrc next to this file. Any finding fails, warnings included.
 *
 * Run by the Maven build (see pom.xml, docs/model-checks.md); by hand:
 *   node tools/model-lint/lint-models.js [--root <folder holding bpmn/ and dmn/>] [--no-install]
 *
 * The linters are driven through their APIs rather than their command lines so that both print
 * the same one-line findings (file: element: message [rule, level]), warnings fail for dmnlint
 * too (its CLI has no --max-warnings), and an empty or missing folder simply passes.
 */

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
const { installIfNeeded } = require('../npm-ci.js');

const TOOL_DIR = __dirname;
const MINIMUM_NODE = [ 20, 12 ];
const DMN_11_NAMESPACE = 'http://www.omg.org/spec/DMN/20151101/dmn.xsd';
const EXIT_FINDINGS = 1;
const EXIT_ENVIRONMENT = 2;

main().catch(error => {
  console.error(`Model lint: unexpected failure: ${error && error.stack || error}`);
  process.exit(EXIT_ENVIRONMENT);
});

async function main() {
  const options = parseArguments(process.argv.slice(2));

  requireNodeVersion();

  if (options.install) {
    installLintersIfNeeded();
  } else if (!fs.existsSync(path.join(TOOL_DIR, 'node_modules', 'bpmnlint'))) {
    failEnvironment('the linters are not installed; run "npm ci" in tools/model-lint or drop --no-install.');
  }

  const bpmnFiles = modelFiles(options.root, 'bpmn', '.bpmn');
  const dmnFiles = modelFiles(options.root, 'dmn', '.dmn');

  const findings = [
    ...await lintBpmn(options.root, bpmnFiles),
    ...await lintDmn(options.root, dmnFiles)
  ];

  // one block per file, each element's findings together (the linters report rule by rule)
  findings.sort((a, b) => a.file.localeCompare(b.file) || a.id.localeCompare(b.id));
  findings.forEach(finding => console.log(formatFinding(finding)));

  const versions = [ 'bpmnlint', 'bpmnlint-plugin-camunda-compat', 'dmnlint' ]
    .map(name => `${name} ${installedVersion(name)}`)
    .join(', ');

  if (findings.length) {
    const files = new Set(findings.map(finding => finding.file)).size;
    console.log(`Model lint FAILED: ${findings.length} finding(s) in ${files} file(s); ` +
      `warnings count as failures (${versions}). See docs/model-checks.md.`);
    process.exit(EXIT_FINDINGS);
  }

  console.log(`Model lint: ${bpmnFiles.length} BPMN and ${dmnFiles.length} DMN model(s) clean (${versions}).`);
}

function parseArguments(args) {
  const options = {
    root: path.resolve(TOOL_DIR, '..', '..'),
    install: true
  };

  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--root' && i + 1 < args.length) {
      options.root = path.resolve(args[++i]);
    } else if (args[i] === '--no-install') {
      options.install = false;
    } else {
      failEnvironment(`unknown argument "${args[i]}". Usage: node lint-models.js [--root <folder>] [--no-install]`);
    }
  }

  return options;
}

function requireNodeVersion() {
  const [ major, minor ] = process.versions.node.split('.').map(Number);
  const [ wantedMajor, wantedMinor ] = MINIMUM_NODE;

  if (major < wantedMajor || (major === wantedMajor && minor < wantedMinor)) {
    failEnvironment(`needs Node.js >= ${MINIMUM_NODE.join('.')} (bpmnlint 11 requires it), found ${process.version}. ` +
      'Install a newer Node.js, or skip the lint with -Dmodel-lint.skip.');
  }
}

function installLintersIfNeeded() {
  try {
    installIfNeeded(TOOL_DIR, 'Model lint');
  } catch (error) {
    failEnvironment(`${error.message}, or skip the lint with -Dmodel-lint.skip.`);
  }
}

function modelFiles(root, folder, extension) {
  const found = [];

  const walk = directory => {
    if (!fs.existsSync(directory)) {
      return;
    }

    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const entryPath = path.join(directory, entry.name);

      if (entry.isDirectory()) {
        walk(entryPath);
      } else if (entry.name.endsWith(extension)) {
        found.push(entryPath);
      }
    }
  };

  walk(path.join(root, folder));

  return found.sort();
}

async function lintBpmn(root, files) {
  if (!files.length) {
    return [];
  }

  const toolRequire = createRequire(path.join(TOOL_DIR, 'package.json'));
  const { BpmnModdle } = toolRequire('bpmn-moddle');
  const { Linter } = toolRequire('bpmnlint');
  const NodeResolver = toolRequire('bpmnlint/lib/resolver/node-resolver');

  const config = readConfig('.bpmnlintrc');
  const extensions = {};

  for (const [ prefix, descriptor ] of Object.entries(config.moddleExtensions || {})) {
    extensions[prefix] = toolRequire(descriptor);
  }

  const moddle = new BpmnModdle(extensions);
  // One linter per file: bpmnlint caches rule instances, and some rules (no-duplicate-sequence-flows) keep
  // state, so a shared linter reports flows of one file as duplicates of another file's same-id flows.
  const newLinter = () => new Linter({ config, resolver: new NodeResolver({ require: toolRequire }) });

  const findings = [];

  for (const file of files) {
    const relative = relativeName(root, file);
    const xml = fs.readFileSync(file, 'utf8');

    let parsed;

    try {
      parsed = await moddle.fromXML(xml);
    } catch (error) {
      findings.push(parseFinding(relative, error));
      continue;
    }

    findings.push(...importFindings(relative, parsed.warnings));
    findings.push(...reportFindings(relative, await newLinter().lint(parsed.rootElement)));
  }

  return findings;
}

async function lintDmn(root, files) {
  if (!files.length) {
    return [];
  }

  const toolRequire = createRequire(path.join(TOOL_DIR, 'package.json'));
  const DmnModdle = toolRequire('dmn-moddle');
  const { Linter } = toolRequire('dmnlint');
  const NodeResolver = toolRequire('dmnlint/lib/resolver/node-resolver');

  const moddle = new DmnModdle();
  const newLinter = () => new Linter({ config: readConfig('.dmnlintrc'), resolver: new NodeResolver({ require: toolRequire }) });

  const findings = [];

  for (const file of files) {
    const relative = relativeName(root, file);
    const xml = fs.readFileSync(file, 'utf8');

    // dmn-moddle 9 (the version dmnlint 0.2 is built on) still reports through a callback
    const parsed = await new Promise(resolve => {
      moddle.fromXML(xml, (error, definitions, context) => resolve({ error, definitions, context }));
    });

    if (parsed.error) {
      findings.push(xml.includes(DMN_11_NAMESPACE)
        ? { file: relative, id: '', message: 'is DMN 1.1, which dmnlint cannot read; open and save it in Camunda Modeler 5 or later to convert it to DMN 1.3', rule: 'parse', category: 'error' }
        : parseFinding(relative, parsed.error));
      continue;
    }

    findings.push(...importFindings(relative, (parsed.context && parsed.context.warnings) || []));
    findings.push(...reportFindings(relative, await newLinter().lint(parsed.definitions)));
  }

  return findings;
}

function readConfig(name) {
  return readJson(path.join(TOOL_DIR, name));
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function parseFinding(file, error) {
  return { file, id: '', message: `cannot be read: ${firstLine(error.message)}`, rule: 'parse', category: 'error' };
}

/** The command lines of both linters fail on import warnings (unknown elements, broken references); so do we. */
function importFindings(file, warnings) {
  return (warnings || []).map(warning => ({
    file,
    id: (warning.element && warning.element.id) || '',
    message: firstLine(warning.message),
    rule: 'import',
    category: 'error'
  }));
}

function reportFindings(file, reportsByRule) {
  const findings = [];

  for (const [ rule, reports ] of Object.entries(reportsByRule)) {
    for (const report of reports) {
      findings.push({ file, id: report.id || '', message: report.message, rule, category: report.category });
    }
  }

  return findings;
}

function formatFinding({ file, id, message, rule, category }) {
  const level = category === 'warn' ? 'warning' : category;

  return `${file}: ${id ? id + ': ' : ''}${message} [${rule}, ${level}]`;
}

function relativeName(root, file) {
  return path.relative(root, file).split(path.sep).join('/');
}

function firstLine(text) {
  return String(text).split(/\r?\n/)[0];
}

function installedVersion(name) {
  try {
    return readJson(path.join(TOOL_DIR, 'node_modules', name, 'package.json')).version;
  } catch (error) {
    return '?';
  }
}

function failEnvironment(message) {
  console.error(`Model lint: ${message}`);
  process.exit(EXIT_ENVIRONMENT);
}
