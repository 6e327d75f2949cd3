// Renders Markdown with the CommonMark renderers a blog may use: commonmark.js (the reference),
// markdown-it, marked, and micromark with GFM (what remark, and so Gatsby, uses). Raw HTML is on in
// each, as a blog that trusts its own posts has it. And with math, as blogs with formulas have it:
// micromark with its math extension (remark-math's, gatsby-remark-katex's) and markdown-it with
// markdown-it-katex, where $$ opens a block. Reads a JSON array of Markdown texts from the file
// named on the command line; prints a JSON array with, for each text, the HTML of each renderer.
import fs from 'node:fs';
import { Parser, HtmlRenderer } from 'commonmark';
import MarkdownIt from 'markdown-it';
import { Marked } from 'marked';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { math, mathHtml } from 'micromark-extension-math';
import markdownItKatex from 'markdown-it-katex';

const reader = new Parser();
const writer = new HtmlRenderer({ safe: false });
const markdownIt = new MarkdownIt({ html: true });
const marked = new Marked({ gfm: true });
const markdownItMath = new MarkdownIt({ html: true }).use(markdownItKatex, { throwOnError: false });

const renderers = {
  commonmark: (md) => writer.render(reader.parse(md)),
  'markdown-it': (md) => markdownIt.render(md),
  marked: (md) => marked.parse(md),
  micromark: (md) => micromark(md, { allowDangerousHtml: true, allowDangerousProtocol: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] }),
  'micromark-math': (md) => micromark(md, { allowDangerousHtml: true, extensions: [gfm(), math()], htmlExtensions: [gfmHtml(), mathHtml({ throwOnError: false })] }),
  'markdown-it-katex': (md) => markdownItMath.render(md),
};

const texts = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const results = texts.map((md) => {
  const out = {};
  for (const [name, render] of Object.entries(renderers)) {
    try {
      out[name] = render(md);
    } catch (e) {
      out[name] = { error: String(e && e.message) };
    }
  }
  return out;
});
process.stdout.write(JSON.stringify(results));
