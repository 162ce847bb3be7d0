// A pack description in a safe subset of Markdown, built as elements (never as HTML text):
// paragraphs, line breaks, "- " lists, **bold**, *emphasis*, [links](https://…) and bare
// http(s) links. Anything else stays text as typed.
import { html } from "../../vendor.js";

const INLINE = new RegExp([
  /\*\*([^*]+)\*\*/.source, // **bold**
  /\*([^*\s][^*]*)\*/.source, // *emphasis*
  /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/.source, // [label](https://…)
  /(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/.source, // a bare link, without the full stop after it
].join("|"), "g");

function link(href, text) {
  return html`<a href=${href} rel="noopener noreferrer nofollow" target="_blank">${text}</a>`;
}

function inline(text) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const [, bold, em, label, href, bare] = match;
    if (bold) parts.push(html`<strong>${bold}</strong>`);
    else if (em) parts.push(html`<em>${em}</em>`);
    else if (label) parts.push(link(href, label));
    else parts.push(link(bare, bare));
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function lines(text) {
  return text.split("\n").flatMap((line, i) =>
    (i ? [html`<br />`, ...inline(line)] : inline(line)));
}

function block(text) {
  const rows = text.split("\n");
  if (rows.every((row) => /^\s*[-*]\s+/.test(row))) {
    return html`<ul>${rows.map((row) => html`<li>${inline(row.replace(/^\s*[-*]\s+/, ""))}</li>`)}
      </ul>`;
  }
  return html`<p>${lines(text)}</p>`;
}

export function Markdown({ text, className = "" }) {
  const blocks = text.replace(/\r\n?/g, "\n").trim().split(/\n\s*\n/);
  return html`<div class=${`markdown ${className}`}>${blocks.map(block)}</div>`;
}
