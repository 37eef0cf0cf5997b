// The one way the page's scripts call the site: JSON answers, the page's language, and the
// CSRF token when the page carries one (<meta name="_csrf"> and <meta name="_csrf_header">),
// so every state-changing call passes the site's cross-site checks.

function csrfHeaders() {
  const token = document.querySelector('meta[name="_csrf"]')?.content;
  const header = document.querySelector('meta[name="_csrf_header"]')?.content;
  return token && header ? { [header]: token } : {};
}

async function answer(response) {
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
    headers: { 'Accept': 'application/json', 'Accept-Language': lang, ...headers, ...csrfHeaders() },
    body: new URLSearchParams(fields ?? {}),
  });
  return answer(response);
}
