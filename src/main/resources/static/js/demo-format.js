// How the live demo writes numbers and labelled values, in one place for both languages.
// Digits follow the page's language (Persian digits on Persian pages); tokens that are Latin by
// nature keep Latin digits (v2, p95, payments-1); a percent after Persian digits is «٪».
// Words come from the page (the demo's labels), never from this file.

export function formatter(lang, label) {
  const numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const number = (n) => numbers.format(Math.round(Number(n) || 0));
  return {
    number,
    // "5%" / «۵٪»
    percent: (share) => label('unit.percent', number(share * 100)),
    // "20 req/s" / «۲۰ درخواست در ثانیه»
    perSecond: (n) => label('unit.perSecond', number(n)),
    milliseconds: (n) => label('unit.ms', number(n)),
    megabytes: (bytes) => label('unit.mb', number(bytes / 1048576)),
    // versions stay as the services name them: v1, v2
    version: (v) => String(v ?? ''),
    // digits inside a busy-activity text such as "2/2" follow the page's language
    digits: (text) => String(text ?? '').replace(/\d+/g, (d) => number(d)),
    // lists in running text: «، » and «؛ » in Persian, ", " and "; " in English
    list: (items) => items.join(lang === 'fa' ? '، ' : ', '),
    clauses: (items) => items.join(lang === 'fa' ? '؛ ' : '; '),
  };
}

// "Monolith:" or "You: kill payments-1": a name and what follows it, the same in both languages.
export function labelled(name, text) {
  return text === undefined ? `${name}:` : `${name}: ${text}`;
}

// A Latin token (payments-1, v2) kept whole inside right-to-left text where no element can
// isolate it (SVG text): first-strong isolate ... pop directional isolate.
export function isolate(token) {
  return `\u2068${token}\u2069`;
}

// A labelled value as its own isolated piece ("memory" + "54 MB"), so a line mixing Persian words,
// Latin tokens and digits reads in the page's direction, each value kept whole.
export function figure(name, value) {
  const item = document.createElement('span');
  item.className = 'demo-fig';
  const key = document.createElement('span');
  key.className = 'demo-fig-name';
  key.textContent = name;
  const val = document.createElement('bdi');
  val.className = 'demo-fig-value';
  val.textContent = value;
  item.append(key, ' ', val);
  return item;
}
