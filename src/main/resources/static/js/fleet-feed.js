// One fleet stream per browser tab, shared by every widget on the page (browsers allow six
// connections per host over HTTP/1.1). A page with a stream of its own, such as a class that
// follows its instructor, feeds the fleet's state through that stream instead (useSource).

const listeners = new Set();
let source = null;
let latest = null;

function publish(view) {
  latest = view;
  for (const listener of listeners) {
    listener(view);
  }
}

// Replaces the default stream: events named eventName carry the fleet view as JSON,
// or pick(data) takes it out of a larger event.
export function useSource(eventSource, eventName = 'fleet', pick = (data) => data) {
  if (source && source !== eventSource) {
    source.close();
  }
  source = eventSource;
  source.addEventListener(eventName, (event) => {
    const view = pick(JSON.parse(event.data));
    if (view) {
      publish(view);
    }
  });
}

// listener(view) is called with the latest fleet view now (if one has arrived) and on every change.
export function onFleet(listener, url = '/api/fleet/stream') {
  listeners.add(listener);
  if (latest) {
    listener(latest);
  }
  if (!source) {
    useSource(new EventSource(url));
  }
  return () => listeners.delete(listener);
}
