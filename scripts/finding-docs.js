#!/usr/bin/env node
/** npm run docs:findings: writes docs/findings.md from the built engine (dist/). */
'use strict';
const fs = require('fs');
const path = require('path');
const { renderFindingDocs } = require('../dist/core/findingDocs.js');
fs.writeFileSync(path.join(__dirname, '..', 'docs', 'findings.md'), renderFindingDocs());
console.log('wrote docs/findings.md');
