// The one way the page's scripts call the site: JSON answers, the page's language, and the
// CSRF token when the page carries one (<meta name="_csrf"> and <meta name="_csrf_header">),
// so every state-changing call passes the site's cross-site checks. Each browser names itself
// with a random token (X-Demo-Actor); the site answers with a hash of it (X-Demo-Actor-Tag), the tag
// the fleet's log shows, so a page can tell its reader's actions from another visitor's.

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  return token && header ? { [header]: token } : {};
}

const TOKEN_KEY = 'lab.demo.actor';
const TAG_KEY = 'lab.demo.actorTag';

function remember(key, value) {
  try {
    if (value === undefined) {
      return localStorage.getItem(key);
    }
    localStorage.setItem(key, value);
  } catch (e) {
    // storage off (private mode): the token lives as long as the page
  }
  return value ?? null;
}

let token = remember(TOKEN_KEY);
if (!token || !/^[A-Za-z0-9-]{16,64}$/.test(token)) {
  // getRandomValues works on plain http too (a classroom's LAN address), randomUUID does not
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  token = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  remember(TOKEN_KEY, token);
}
let tag = remember(TAG_KEY);

/** The tag the fleet's log gives this browser's actions, once the site has told us. */
export function actorTag() {
  return tag;
}

async function answer(response) {
  const told = response.headers.get('X-Demo-Actor-Tag');
  if (told && told !== tag) {
    tag = remember(TAG_KEY, told);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  return { status: response.status, ok: response.ok, body };
}

export async function getJson(url, lang) {
  const response = await fetch(url, { headers: { 'Accept': 'application/json', 'Accept-Language': lang } });
  return answer(response);
}

// method: POST (default), PUT or DELETE; fields become a form body; headers: extra ones, such as
// a class's driver token.
export async function send(url, fields, lang, method = 'POST', headers = {}) {
  const response = await fetch(url, {
    method,
    headers: { 'Accept': 'application/json', 'Accept-Language': lang, ...headers, 'X-Demo-Actor': token, ...csrfHeaders() },
    body: new URLSearchParams(fields ?? {}),
  });
  return answer(response);
}
