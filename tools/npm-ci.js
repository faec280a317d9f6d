'use strict';

/*
 * Runs "npm ci" in a tool's folder only when its package-lock.json (or the Node major version) changed
 * since the last install, or a dependency went missing, so that ordinary builds pay nothing for it.
 * Shared by tools/model-lint and tools/web-assets; ignoreScripts for packages whose install scripts
 * are not shipped (DSFR's preinstall). Throws an Error whose message says what to do.
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

function installIfNeeded(toolDir, label, { ignoreScripts = false } = {}) {
  const stamp = path.join(toolDir, 'node_modules', '.install-stamp');
  const lock = fs.readFileSync(path.join(toolDir, 'package-lock.json'));
  const wanted = crypto.createHash('sha256').update(lock).digest('hex') + ' node' + process.versions.node.split('.')[0];
  const current = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : '';

  const manifest = JSON.parse(fs.readFileSync(path.join(toolDir, 'package.json'), 'utf8'));
  const complete = Object.keys(manifest.dependencies || {})
    .every(name => fs.existsSync(path.join(toolDir, 'node_modules', name, 'package.json')));

  if (current === wanted && complete) {
    return false;
  }

  console.log(`${label}: installing ${Object.keys(manifest.dependencies).join(', ')} (npm ci in ${path.basename(toolDir)})...`);

  // npm is a .cmd script on Windows, which only a shell can start
  const args = [ 'ci', '--no-audit', '--no-fund', ...(ignoreScripts ? [ '--ignore-scripts' ] : []) ];
  const result = spawnSync('npm', args, {
    cwd: toolDir,
    stdio: 'inherit',
    shell: process.platform === 'win32'
  });

  if (result.error) {
    throw new Error(`could not run npm (${result.error.message}); install Node.js >= 20.12 and npm (apt-get install nodejs npm)`);
  }

  if (result.status !== 0) {
    throw new Error(`"npm ci" failed in ${toolDir} (exit ${result.status}); is the npm registry reachable?`);
  }

  fs.writeFileSync(stamp, wanted + '\n');
  return true;
}

module.exports = { installIfNeeded };
