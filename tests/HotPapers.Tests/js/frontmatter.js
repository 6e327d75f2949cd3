// Reads each post named on the command line as Gatsby does (gray-matter, which uses js-yaml 3) and
// also with js-yaml 4 directly; prints what they found as JSON, dates marked, for the .NET tests.
'use strict';
const fs = require('fs');
const matter = require('gray-matter');
const yaml = require('js-yaml');

function plain(value) {
  if (value instanceof Date) return { $date: isNaN(value.getTime()) ? 'invalid' : value.toISOString() };
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) out[key] = plain(value[key]);
    return out;
  }
  return value;
}

const results = process.argv.slice(2).map((file) => {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = matter(text, { cache: false });
  return {
    file,
    grayMatter: plain(parsed.data),
    jsYaml: plain(yaml.load(parsed.matter)),
    dateIsValid: !isNaN(new Date(parsed.data.date).getTime()),
    contentStart: parsed.content.slice(0, 40),
  };
});
process.stdout.write(JSON.stringify(results));
