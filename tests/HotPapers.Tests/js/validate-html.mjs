// Checks the HTML site's pages with html-validate, its recommended and document presets (conformance to
// the HTML standard, and the accessibility rules it has beside). Reads every .html file below the folder named
// on the command line; prints JSON: the files checked (relative, with /) and each problem found.
// The configuration is handed to html-validate here, not looked for in a .htmlvalidate.json beside the
// pages as its command line does, so that nothing in or above the site's folder changes what is checked.
import fs from 'node:fs';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';

const folder = process.argv[2];
const config = {
  root: true,
  // recommended: the standard's content models, attributes and nesting, and html-validate's accessibility
  // rules. document: the rules for whole documents (a doctype, heading levels, references that resolve),
  // which recommended leaves out because it is also used on fragments; every page here is a whole document.
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // Off: a matter of hosting, not conformance or accessibility. Subresource Integrity guards a file
    // fetched from someone else's server; the stylesheet is the site's own, beside the page, and the
    // networks' embed scripts (embeds: live) change under the same URL, so no hash of them would hold.
    'require-sri': 'off',
  },
};
const validator = new HtmlValidate(config);

const files = fs.readdirSync(folder, { recursive: true })
  .map((file) => file.split(path.sep).join('/'))
  .filter((file) => file.endsWith('.html'))
  .sort();
const problems = [];
for (const file of files) {
  const report = await validator.validateFile(path.join(folder, file));
  for (const result of report.results) {
    for (const m of result.messages) {
      problems.push({ file, line: m.line, column: m.column, rule: m.ruleId, severity: m.severity === 2 ? 'error' : 'warning', message: m.message, selector: m.selector });
    }
  }
}
process.stdout.write(JSON.stringify({ files, problems }));
