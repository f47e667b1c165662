#!/usr/bin/env node
// Runs the compiled CLI (npm ci builds it through the "prepare" script).
import './require-node-24.js';
import('../dist/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    console.error('mesodesk: not built yet; run "npm run build" first');
    process.exit(1);
  }
  throw error;
});
