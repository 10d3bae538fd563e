// Small helpers the docs generators share.

/** The model's documentation HTML (<p>, <code>, <a>, <i>, <b>, <ul><li>) as Markdown. */
export function htmlToMarkdown(html) {
  if (!html) return '';
  return html
    .replace(/<code>(.*?)<\/code>/gs, '`$1`')
    .replace(/<a href="([^"]*)">(.*?)<\/a>/gs, '[$2]($1)')
    .replace(/<\/?(i|em)>/g, '*')
    .replace(/<\/?(b|strong)>/g, '**')
    .replace(/<li>/g, '\n- ')
    .replace(/<\/li>|<\/?ul>/g, '')
    .replace(/<\/p>\s*<p>/g, '\n\n')
    .replace(/<\/?p>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** Text fit for one cell of a Markdown table: one line, pipes escaped, and (outside code spans) HTML, emphasis marks and Vue's mustaches kept literal. */
export function cell(text) {
  return String(text)
    .replace(/\s*\n\s*/g, ' ')
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
            .replace(/\{\{/g, '&#123;&#123;')
            .replace(/([*_])/g, '\\$1'),
    )
    .join('')
    .replace(/\|/g, '\\|')
    .trim();
}

/** Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` in a page. */
export function replaceBetween(page, name, body, file) {
  const begin = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const i = page.indexOf(begin);
  const j = page.indexOf(end);
  if (i < 0 || j < i) throw new Error(`${file}: markers ${begin} … ${end} not found`);
  return `${page.slice(0, i + begin.length)}\n${body.trimEnd()}\n${page.slice(j)}`;
}
