'use strict';
/** The bench's inputs and fixed sizes, shared by scripts/bench.js and scripts/bench/baseline.js. */
module.exports = {
  /** (a) clean budget tables, rows x 10 columns: 1k, 10k, 100k, 1M cells. */
  CLEAN: ['budget:100:10', 'budget:1000:10', 'budget:10000:10', 'budget:100000:10'],
  /** (b) the same with ~2 % wrong cells. */
  ERRORS: ['budget:100:10:err', 'budget:1000:10:err', 'budget:10000:10:err', 'budget:100000:10:err'],
  /** (c) small tables (budget, PMKS, IKU, count) on 50, 200 and 800 sheets, one in five with an error. */
  SHEETS: ['sheets:50', 'sheets:200', 'sheets:800'],
  /** (d) a SIPD-style export of 5,000 rows x 14 columns. */
  SIPD: ['sipd:5000'],
  /** (e) the bundled samples with their narratives (examples/). */
  SAMPLES: [
    { xlsx: 'dinsos-ntt-2021.xlsx', narratives: ['laporan-ntt-2021.docx'] },
    { xlsx: 'dinsos-flotim-2020.xlsx', narratives: ['laporan-flotim-2020.txt'] },
  ],
  /** Copies of the 200-sheet workbook in the batch (and in its baseline). */
  BATCH200_FILES: 16,
  /** Copies of the two samples, in turn, in the samples batch. */
  BATCH_SAMPLES_FILES: 500,
};
