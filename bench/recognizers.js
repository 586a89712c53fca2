// Times Microsoft Recognizers-Text (JavaScript) over a sample, paragraph by paragraph, running the
// models that match `tradecheck quantities`: number, percentage, currency (and number range
// when the installed suite exports it).
// Prints the seconds taken.
const fs = require('fs');
const suite = require('@microsoft/recognizers-text-suite');
const text = fs.readFileSync(process.argv[2], 'utf8');
const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim().length > 0);
const culture = suite.Culture.English;
const t0 = process.hrtime.bigint();
let found = 0;
for (const p of paragraphs) {
  found += suite.recognizeNumber(p, culture).length;
  found += suite.recognizePercentage(p, culture).length;
  if (suite.recognizeNumberRange) found += suite.recognizeNumberRange(p, culture).length;
  found += suite.recognizeCurrency(p, culture).length;
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
process.stderr.write(`recognizers-text: ${found} results in ${seconds.toFixed(2)} s\n`);
console.log(seconds);
