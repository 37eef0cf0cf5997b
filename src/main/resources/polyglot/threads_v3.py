#!/usr/bin/env python3
"""Threads v3: the Threads service of Microservices Lab, written again in Python 3.

Standard library only (http.server, sqlite3), its own SQLite database, and the same HTTP contract
as the Java Threads service (lab.chassis.api.ThreadsEndpoints on the lab.chassis.http chassis):

  GET  /api/threads/{postId}/replies       the replies under a post, oldest first
  POST /api/threads/{postId}/replies       {"authorId", "text"}: adds one
  GET  /health/live, GET /health/ready, GET /info
  GET|POST /chaos   {"latencyMs", "latencyShare", "errorShare", "hangShare", "jitterMs"}
  POST /chaos/crash                        answers 202, then the process exits with status 70
  GET|POST /settings {"peerTimeoutMs": 1..60000, "fallbacks": true|false, "retries": 0..3}
  GET  /ops/replies?afterId=&limit=        every reply, a page at a time (moving data between versions)
  POST /ops/replies {"replies": [...]}     writes those replies with their ids (insert or replace)

A business request may carry X-Deadline-Ms, the milliseconds left of its caller's budget: one
whose budget is spent is answered 504 deadline.exceeded at once, before any chaos or work, and the
calls to peers it makes get only what is left (see lab.chassis.http.Deadline). A failed call to a
peer is repeated up to "retries" times while the budget lasts (lab.chassis.http.Attempts).

It is started like a Java demo process (--role=threads --port= --data-dir= --version=v3
--instance= --peer.posts= --peer.users= --parent-pid= --timeout-ms= --fallbacks= --log= --watch-stdin=),
prints one line "READY port=<port> pid=<pid>" once it serves, and never outlives the site: it
exits when the parent pid is gone or its standard input ends.
"""

import http.client
import json
import os
import random
import re
import select
import signal
import socket
import sqlite3
import sys
import threading
import time
import urllib.parse
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY_BYTES = 64 * 1024
MAX_OPS_BODY_BYTES = 4 * 1024 * 1024
MAX_REPLIES = 500
TEXT_MAX = 280
MAX_LATENCY_MS = 10_000
MAX_HANG_SECONDS = 30
MAX_RETRIES = 3
MAX_DEADLINE_MS = 600_000
DEADLINE_HEADER = "X-Deadline-Ms"
ATTEMPT_HEADER = "X-Attempt"
MAX_CONNECTIONS = 128
OPS_PAGE_MAX = 1000
CRASH_EXIT_STATUS = 70
SIGTERM_STATUS = 143
BAD_ARGUMENTS = 2
CANNOT_START = 1
DRAIN_SECONDS = 1.0
PARENT_POLL_SECONDS = 0.1
LONG_MIN, LONG_MAX = -(2 ** 63), 2 ** 63 - 1
INSTANCE_PATTERN = re.compile(r"[A-Za-z0-9._-]{1,40}")
WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")


class Failure(Exception):
    """An expected refusal: an HTTP status, a stable message key the site localizes, a sentence."""

    def __init__(self, status, code, detail):
        super().__init__(detail)
        self.status = status
        self.code = code
        self.detail = detail

    def peer_unavailable(self):
        return self.status == 503 and self.code == "peer.unavailable"


def invalid(code, detail):
    return Failure(400, code, detail)


def peer_unavailable(detail):
    return Failure(503, "peer.unavailable", detail)


TITLES = {400: "Bad Request", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict",
          413: "Content Too Large", 500: "Internal Server Error", 503: "Service Unavailable",
          504: "Gateway Timeout"}


def problem(status, code, detail):
    return {"type": "urn:microservices-lab:problem:" + code, "title": TITLES.get(status, "Error"),
            "status": status, "detail": detail, "code": code}


# ---------------------------------------------------------------- arguments

class Args:
    """The launch arguments, all --name=value, checked as lab.chassis.LaunchArgs checks them."""

    def __init__(self, argv):
        named, peers = {}, {}
        for arg in argv:
            if not arg.startswith("--") or "=" not in arg:
                raise ValueError("arguments are --name=value, got '%s'" % arg)
            name, value = arg[2:].split("=", 1)
            if name.startswith("peer."):
                peers[name[len("peer."):]] = value
            else:
                named[name] = value
        if named.get("role", "threads") != "threads":
            raise ValueError("this program only plays the role threads, got '%s'" % named["role"])
        self.instance = named.get("instance", "threads-1")
        if not INSTANCE_PATTERN.fullmatch(self.instance):
            raise ValueError("instance must be 1-40 of A-Z a-z 0-9 . _ -, got '%s'" % self.instance)
        self.port = number(named, "port", 0, 0, 65535)
        self.version = named.get("version", "v3")
        if self.version != "v3":
            raise ValueError("version must be v3, got '%s'" % self.version)
        self.data_dir = named.get("data-dir") or os.path.join("/tmp", "microservices-lab", self.instance)
        for needed in ("posts", "users"):
            if not peers.get(needed, "").startswith("http://"):
                raise ValueError("role threads needs --peer.%s=http://host:port" % needed)
        self.peers = peers
        self.parent_pid = number(named, "parent-pid", None, 1, LONG_MAX) if "parent-pid" in named else None
        self.timeout_ms = number(named, "timeout-ms", 1000, 1, 60_000)
        self.fallbacks = boolean(named, "fallbacks", True)
        log = named.get("log", "requests")
        if log not in ("requests", "none"):
            raise ValueError("log must be requests or none, got '%s'" % log)
        self.log_requests = log == "requests"
        self.watch_stdin = boolean(named, "watch-stdin", self.parent_pid is not None)


def number(named, name, fallback, low, high):
    text = named.get(name)
    if text is None:
        return fallback
    if not WHOLE_NUMBER.fullmatch(text):
        raise ValueError("%s must be a whole number, got '%s'" % (name, text))
    value = int(text)
    if value < low or value > high:
        raise ValueError("%s must be %d to %d, got %d" % (name, low, high, value))
    return value


def boolean(named, name, fallback):
    text = named.get(name)
    if text is None:
        return fallback
    if text not in ("true", "false"):
        raise ValueError("%s must be true or false, got '%s'" % (name, text))
    return text == "true"


# ---------------------------------------------------------------- JSON fields

def whole(obj, name):
    """A whole-number field (a JSON integer that fits a long); None if absent."""
    value = obj.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not LONG_MIN <= value <= LONG_MAX:
        raise invalid("request.field.type", name + " must be a whole number")
    return value


def numeric(obj, name):
    value = obj.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise invalid("request.field.type", name + " must be a number")
    return float(value)


def text_field(obj, name):
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise invalid("request.field.type", name + " must be text")
    return value


def refuse_constant(name):
    raise ValueError("not JSON: " + name)


def parse_json_object(body):
    if not body.strip():
        raise invalid("request.json.malformed", "the request needs a JSON object body")
    try:
        value = json.loads(body, parse_constant=refuse_constant)
    except ValueError as e:
        raise invalid("request.json.malformed", "the body is not valid JSON: %s" % e)
    if not isinstance(value, dict):
        raise invalid("request.json.malformed", "the body must be a JSON object")
    return value


def instant(millis):
    """An epoch-millisecond time as ISO-8601 UTC, as java.time.Instant writes it."""
    at = datetime.fromtimestamp(millis / 1000, tz=timezone.utc)
    return at.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % (millis % 1000)


def millis_of(text):
    at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return int(round(at.timestamp() * 1000))


# ---------------------------------------------------------------- chaos and settings

class Chaos:
    """Fault injection into business requests, as lab.chassis.http.Chaos does it."""

    FIELDS = ("latencyMs", "latencyShare", "errorShare", "hangShare", "jitterMs")

    def __init__(self):
        self._lock = threading.Lock()
        self.settings = {"latencyMs": 0, "latencyShare": 0.0, "errorShare": 0.0, "hangShare": 0.0, "jitterMs": 0}

    def update(self, changes):
        with self._lock:
            now = dict(self.settings)
            for name in ("latencyMs", "jitterMs"):
                value = whole(changes, name)
                if value is not None:
                    if not 0 <= value <= MAX_LATENCY_MS:
                        raise invalid("chaos.%s.range" % name, "%s must be 0 to %d" % (name, MAX_LATENCY_MS))
                    now[name] = value
            for name in ("latencyShare", "errorShare", "hangShare"):
                value = numeric(changes, name)
                if value is not None:
                    if not 0 <= value <= 1:
                        raise invalid("chaos.%s.range" % name, "%s must be 0 to 1" % name)
                    now[name] = value
            self.settings = now
            return dict(now)

    def strike(self):
        """'hang', 'error' or None; sleeps first if this request drew the latency assault."""
        s = self.settings
        if s["hangShare"] > 0 and random.random() < s["hangShare"]:
            return "hang"
        if s["latencyShare"] > 0 and (s["latencyMs"] > 0 or s["jitterMs"] > 0) and random.random() < s["latencyShare"]:
            delay = s["latencyMs"] + random.randint(-s["jitterMs"], s["jitterMs"])
            if delay > 0:
                time.sleep(delay / 1000)
        if s["errorShare"] > 0 and random.random() < s["errorShare"]:
            return "error"
        return None


class Settings:
    """The resilience settings, changed by the site's switch: peer timeout, fallbacks and retries."""

    def __init__(self, timeout_ms, fallbacks):
        self._lock = threading.Lock()
        self.values = {"peerTimeoutMs": timeout_ms, "fallbacks": fallbacks, "retries": 0}

    def update(self, changes):
        with self._lock:
            now = dict(self.values)
            if "peerTimeoutMs" in changes:
                value = changes["peerTimeoutMs"]
                if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 60_000:
                    raise invalid("settings.peerTimeoutMs.range", "peerTimeoutMs must be a whole number from 1 to 60000")
                now["peerTimeoutMs"] = value
            if "fallbacks" in changes:
                if not isinstance(changes["fallbacks"], bool):
                    raise invalid("settings.fallbacks.type", "fallbacks must be true or false")
                now["fallbacks"] = changes["fallbacks"]
            if "retries" in changes:
                value = changes["retries"]
                if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_RETRIES:
                    raise invalid("settings.retries.range", "retries must be a whole number from 0 to 3")
                now["retries"] = value
            self.values = now
            return dict(now)


# ---------------------------------------------------------------- deadlines

class Deadline:
    """The moment a whole request must be done by, on this process's monotonic clock."""

    _current = threading.local()

    def __init__(self, at):
        self.at = at

    @staticmethod
    def from_header(value):
        """The deadline a request carries, or None; a value that is not a whole number is refused."""
        if value is None:
            return None
        text = value.strip()
        if not re.fullmatch(r"-?[0-9]{1,18}", text):
            raise invalid("request.deadline.invalid", DEADLINE_HEADER + " must be a whole number of milliseconds")
        millis = max(-1, min(MAX_DEADLINE_MS, int(text)))
        return Deadline(time.monotonic() + millis / 1000)

    def remaining_ms(self):
        left = self.at - time.monotonic()
        return 0 if left <= 0 else max(1, int(left * 1000))

    def spent(self):
        return self.at - time.monotonic() <= 0

    def cap(self, seconds):
        """The shorter of a timeout and what is left of the budget."""
        return min(seconds, max(0.001, self.at - time.monotonic()))

    @classmethod
    def current(cls):
        return getattr(cls._current, "value", None)

    @classmethod
    def serve_under(cls, deadline):
        cls._current.value = deadline


# ---------------------------------------------------------------- peers

class Peer:
    """One peer module over HTTP with a timeout read when the call starts (see lab.chassis.remote.Peer).

    A failed call is repeated as the retries setting allows, and under the deadline of the request
    being served each attempt gets only what is left of the budget; none starts once it is spent.
    """

    def __init__(self, name, base_url, settings):
        self.name = name
        parsed = urllib.parse.urlsplit(base_url.rstrip("/"))
        self.host = parsed.hostname
        self.port = parsed.port or 80
        self.prefix = parsed.path
        self.settings = settings

    def get(self, path, absent_codes=()):
        """The JSON answer, or None if the peer answers 404 with one of absent_codes."""
        deadline = Deadline.current()
        most = 1 + self.settings.values["retries"]
        attempt = 1
        while True:
            if deadline is not None and deadline.spent():
                raise peer_unavailable(self.name + " was not called: the deadline budget is spent")
            try:
                return self.once(path, absent_codes, attempt, deadline)
            except Failure as failure:
                if not failure.peer_unavailable() or attempt >= most or (deadline is not None and deadline.spent()):
                    raise
            attempt += 1

    def once(self, path, absent_codes, attempt, deadline):
        timeout = self.settings.values["peerTimeoutMs"] / 1000
        headers = {"Accept": "application/json", ATTEMPT_HEADER: str(attempt)}
        if deadline is not None:
            timeout = deadline.cap(timeout)
            headers[DEADLINE_HEADER] = str(deadline.remaining_ms())
        until = time.monotonic() + timeout
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            connection.request("GET", self.prefix + path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            if time.monotonic() > until:
                raise socket.timeout()
            status = response.status
        except socket.timeout:
            raise peer_unavailable("%s did not answer within %d ms" % (self.name, timeout * 1000))
        except (OSError, http.client.HTTPException):
            raise peer_unavailable(self.name + " could not be reached")
        finally:
            connection.close()
        try:
            value = json.loads(body.decode("utf-8")) if body else None
        except ValueError:
            raise peer_unavailable("%s answered %d with a body that is not JSON" % (self.name, status))
        if 200 <= status < 300 and value is not None:
            return value
        code = value.get("code") if isinstance(value, dict) and isinstance(value.get("code"), str) else None
        if status == 404 and code in absent_codes:
            return None
        if status not in (400, 404, 409) or code is None or code == "route.notFound":
            raise peer_unavailable("%s answered %d%s" % (self.name, status, "" if code is None else " " + code))
        detail = value.get("detail")
        raise Failure(status, code, str(detail) if detail is not None else "%s answered %d" % (self.name, status))


# ---------------------------------------------------------------- store

class Store:
    """The replies in SQLite, shared by the v3 instances of the service (WAL, busy timeout)."""

    def __init__(self, data_dir):
        os.makedirs(data_dir, mode=0o700, exist_ok=True)
        self.path = os.path.join(data_dir, "threads-v3.sqlite")
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, timeout=5, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        with self.transaction() as c:
            c.execute("CREATE TABLE IF NOT EXISTS replies (id INTEGER PRIMARY KEY, post_id INTEGER NOT NULL, "
                      "author_id INTEGER NOT NULL, text TEXT NOT NULL, created_at INTEGER NOT NULL)")
            c.execute("CREATE INDEX IF NOT EXISTS replies_post ON replies (post_id)")
            c.execute("CREATE TABLE IF NOT EXISTS seeded (module TEXT PRIMARY KEY)")
            claimed = c.execute("INSERT OR IGNORE INTO seeded (module) VALUES ('threads')").rowcount == 1
            if claimed and c.execute("SELECT COUNT(*) FROM replies").fetchone()[0] == 0:
                # the same seeded conversation as the Java service: post 2, answered by Grace (user 3)
                c.execute("INSERT INTO replies (post_id, author_id, text, created_at) VALUES (2, 3, ?, ?)",
                          ("Only if we give them good error messages.", now_millis() - 30_000))

    def transaction(self):
        return _Transaction(self._lock, self._db)

    def under(self, post_id):
        with self.transaction() as c:
            return c.execute("SELECT id, post_id, author_id, text, created_at FROM replies WHERE post_id = ? "
                             "ORDER BY id LIMIT ?", (post_id, MAX_REPLIES)).fetchall()

    def insert(self, post_id, author_id, text, at):
        with self.transaction() as c:
            cursor = c.execute("INSERT INTO replies (post_id, author_id, text, created_at) VALUES (?, ?, ?, ?)",
                               (post_id, author_id, text, at))
            return cursor.lastrowid

    def page(self, after_id, limit):
        with self.transaction() as c:
            rows = c.execute("SELECT id, post_id, author_id, text, created_at FROM replies WHERE id > ? "
                             "ORDER BY id LIMIT ?", (after_id, limit)).fetchall()
            total = c.execute("SELECT COUNT(*) FROM replies").fetchone()[0]
            return rows, total

    def put_all(self, rows):
        with self.transaction() as c:
            c.executemany("INSERT OR REPLACE INTO replies (id, post_id, author_id, text, created_at) "
                          "VALUES (?, ?, ?, ?, ?)", rows)
            return c.execute("SELECT COUNT(*) FROM replies").fetchone()[0]

    def close(self):
        with self._lock:
            self._db.close()


class _Transaction:
    """One immediate transaction under the process's lock: committed on success, rolled back on error."""

    def __init__(self, lock, db):
        self.lock = lock
        self.db = db

    def __enter__(self):
        self.lock.acquire()
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            self.lock.release()
            raise Failure(503, "store.unavailable", "the database cannot be reached: %s" % e)
        return self.db

    def __exit__(self, kind, value, trace):
        try:
            if kind is None:
                self.db.execute("COMMIT")
            else:
                self.db.execute("ROLLBACK")
        except sqlite3.Error as e:
            if kind is None:
                raise Failure(503, "store.unavailable", "the commit failed: %s" % e)
        finally:
            self.lock.release()
        if isinstance(value, sqlite3.Error):
            raise Failure(503, "store.unavailable", "the database failed: %s" % value)
        return False


def now_millis():
    return int(time.time() * 1000)


# ---------------------------------------------------------------- the Threads module

def reply_json(row, author_name):
    rid, post_id, author_id, text, created_at = row
    return {"id": rid, "postId": post_id, "authorId": author_id, "authorName": author_name, "text": text,
            "createdAt": instant(created_at)}


class Threads:
    """Replies under a post: checks the post with Posts, names authors with Users, degrades reads."""

    def __init__(self, store, posts, users, settings):
        self.store = store
        self.posts = posts
        self.users = users
        self.settings = settings

    def may_degrade(self, failure):
        return failure.peer_unavailable() and self.settings.values["fallbacks"]

    def post_exists(self, post_id):
        return self.posts.get("/api/posts/%d" % post_id, ("post.notFound",)) is not None

    def replies(self, post_id):
        degraded = False
        try:
            if not self.post_exists(post_id):
                raise Failure(404, "post.notFound", "no post with id %d" % post_id)
        except Failure as f:
            if not self.may_degrade(f):
                raise
            degraded = True
        rows = self.store.under(post_id)
        try:
            names = self.names(rows)
        except Failure as f:
            if not self.may_degrade(f):
                raise
            names, degraded = {}, True
        return {"postId": post_id, "replies": [reply_json(r, names.get(r[2])) for r in rows], "degraded": degraded}

    def reply(self, post_id, author_id, text):
        if author_id is None:
            raise invalid("reply.authorId.required", "authorId is required")
        text = (text or "").strip()
        if not 1 <= len(text) <= TEXT_MAX:
            raise invalid("reply.text.size", "text must have 1 to %d characters, has %d" % (TEXT_MAX, len(text)))
        # both checks happen before the transaction, so a slow peer never holds the database
        if not self.post_exists(post_id):
            raise Failure(404, "post.notFound", "no post with id %d" % post_id)
        author = self.users.get("/api/users/%d" % author_id, ("user.notFound",))
        if author is None:
            raise invalid("user.notFound", "no user with id %d" % author_id)
        at = now_millis()
        rid = self.store.insert(post_id, author_id, text, at)
        return reply_json((rid, post_id, author_id, text, at), author.get("name"))

    def names(self, rows):
        ids = sorted({r[2] for r in rows})
        if not ids:
            return {}
        answer = self.users.get("/api/users?ids=" + ",".join(str(i) for i in ids))
        try:
            return {u["id"]: u.get("name") for u in answer["users"]}
        except (KeyError, TypeError):
            raise peer_unavailable("users gave an answer that could not be read")


# ---------------------------------------------------------------- HTTP

class Route:
    def __init__(self, method, pattern, handler):
        self.method = method
        self.segments = split(pattern)
        self.handler = handler

    def variables(self, segments):
        if len(segments) != len(self.segments):
            return None
        found = {}
        for p, s in zip(self.segments, segments):
            if p.startswith("{") and p.endswith("}"):
                found[p[1:-1]] = s
            elif p != s:
                return None
        return found


def split(path):
    trimmed = path.strip("/")
    return trimmed.split("/") if trimmed else []


class Call:
    def __init__(self, method, path, variables, query, body):
        self.method = method
        self.path = path
        self.variables = variables
        self.query = query
        self.body = body

    def id_variable(self, name):
        value = self.variables.get(name, "")
        if not WHOLE_NUMBER.fullmatch(value) or not LONG_MIN <= int(value) <= LONG_MAX:
            raise invalid("request.path.invalid", "%s must be a whole number, was '%s'" % (name, value))
        return int(value)

    def long_query(self, name, fallback):
        value = self.query.get(name, "").strip()
        if not value:
            return fallback
        if not WHOLE_NUMBER.fullmatch(value):
            raise invalid("request.query.invalid", "%s must be a whole number, was '%s'" % (name, value))
        return int(value)

    def json_object(self):
        return parse_json_object(self.body)

    def json_object_or_empty(self):
        return {} if not self.body.strip() else parse_json_object(self.body)


class Service:
    """The process: state, routes, chaos, in-flight count, and how it stops."""

    def __init__(self, args):
        self.args = args
        self.state = "STARTING"
        self.started_at = time.time()
        self.chaos = Chaos()
        self.settings = Settings(args.timeout_ms, args.fallbacks)
        self.routes = []
        self.in_flight = 0
        self.in_flight_lock = threading.Lock()
        # business requests received, and how many of them were a caller's retry (for /info)
        self.received = 0
        self.retries = 0
        self.stopping = threading.Event()
        self.exit_status = None
        self.exit_lock = threading.Lock()
        self.store = None
        self.port = 0

    def route(self, method, pattern, handler):
        self.routes.append(Route(method, pattern, handler))

    def register(self, threads):
        self.route("GET", "/health/live", lambda call: (200, {"status": "UP"}))
        self.route("GET", "/health/ready", lambda call: (200, {"status": "UP"}) if self.state == "READY"
                   else (503, {"status": self.state}))
        self.route("GET", "/info", lambda call: (200, self.info()))
        self.route("GET", "/chaos", lambda call: (200, dict(self.chaos.settings)))
        self.route("POST", "/chaos", lambda call: (200, self.chaos.update(call.json_object_or_empty())))
        self.route("GET", "/settings", lambda call: (200, dict(self.settings.values)))
        self.route("POST", "/settings", lambda call: (200, self.settings.update(call.json_object_or_empty())))
        self.route("POST", "/chaos/crash", lambda call: (202, {"crashing": True, "instance": self.args.instance}))
        self.route("GET", "/ops/replies", self.export_replies)
        self.route("POST", "/ops/replies", self.import_replies)
        self.route("GET", "/api/threads/{postId}/replies", lambda call: (200, threads.replies(call.id_variable("postId"))))

        def add_reply(call):
            post_id = call.id_variable("postId")
            body = call.json_object()
            author_id = whole(body, "authorId")
            text = text_field(body, "text")
            return 201, threads.reply(post_id, author_id, text)

        self.route("POST", "/api/threads/{postId}/replies", add_reply)

    def export_replies(self, call):
        after = call.long_query("afterId", 0)
        limit = max(1, min(OPS_PAGE_MAX, call.long_query("limit", OPS_PAGE_MAX)))
        rows, total = self.store.page(after, limit)
        replies = [reply_json(r, None) for r in rows]
        return 200, {"replies": replies, "next": rows[-1][0] if len(rows) == limit else None, "total": total}

    def import_replies(self, call):
        body = call.json_object()
        items = body.get("replies")
        if not isinstance(items, list):
            raise invalid("request.field.type", "replies must be a list")
        rows = []
        for item in items:
            if not isinstance(item, dict):
                raise invalid("request.field.type", "each reply must be an object")
            rid, post_id, author_id = whole(item, "id"), whole(item, "postId"), whole(item, "authorId")
            text, created = text_field(item, "text"), text_field(item, "createdAt")
            if None in (rid, post_id, author_id, text, created):
                raise invalid("request.field.type", "a reply needs id, postId, authorId, text and createdAt")
            try:
                at = millis_of(created)
            except ValueError:
                raise invalid("request.field.type", "createdAt must be an ISO-8601 instant")
            rows.append((rid, post_id, author_id, text, at))
        total = self.store.put_all(rows)
        return 200, {"imported": len(rows), "total": total}

    def info(self):
        return {"role": "threads", "version": self.args.version, "instance": self.args.instance,
                "pid": os.getpid(), "port": self.port, "modules": ["threads"], "peers": self.args.peers,
                "state": self.state, "settings": dict(self.settings.values),
                "requests": {"received": self.received, "retries": self.retries},
                "database": {"shared": True, "engine": "sqlite", "file": os.path.basename(self.store.path)}
                if self.store else None,
                "uptimeMs": int((time.time() - self.started_at) * 1000), "runtime": "python",
                "runtimeVersion": "%d.%d.%d" % sys.version_info[:3]}

    def match(self, method, path):
        segments = split(path)
        allowed = []
        for route in self.routes:
            found = route.variables(segments)
            if found is None:
                continue
            if route.method == method:
                return route.handler, found, []
            if route.method not in allowed:
                allowed.append(route.method)
        return None, {}, allowed

    def enter(self):
        with self.in_flight_lock:
            self.in_flight += 1

    def leave(self):
        with self.in_flight_lock:
            self.in_flight -= 1

    def count_request(self, attempt):
        with self.in_flight_lock:
            self.received += 1
            # the attempt number as lab.chassis.http.Deadline.attempt reads it: 2 to 9 is a retry
            if attempt is not None and len(attempt) == 1 and "2" <= attempt <= "9":
                self.retries += 1

    def exit(self, reason, status):
        """Stops once: the main thread drains (business requests get 503 meanwhile), then exits."""
        with self.exit_lock:
            if self.exit_status is not None:
                return
            self.exit_status = status
        sys.stderr.write("%s exiting: %s\n" % (self.args.instance, reason))
        sys.stderr.flush()
        self.stopping.set()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "threads-v3"
    sys_version = ""
    # an idle kept-alive connection closes after this many seconds, like the JDK server's
    timeout = 30

    def do_GET(self):
        self.dispatch()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = do_GET

    def log_message(self, format, *args):
        pass

    def dispatch(self):
        service = self.server.service
        start = time.monotonic()
        service.enter()
        status = 500
        try:
            status = self.serve(service)
        finally:
            service.leave()
        if service.args.log_requests:
            print("%s %s %s %d %dms" % (service.args.instance, self.command, self.path.split("?")[0], status,
                                          (time.monotonic() - start) * 1000), flush=True)

    def serve(self, service):
        raw_path, _, raw_query = self.path.partition("?")
        path = urllib.parse.unquote(raw_path)
        try:
            body = self.read_body(path)
            Deadline.serve_under(None)
            if path.startswith("/api/"):
                if service.state != "READY":
                    code = "service.starting" if service.state == "STARTING" else "service.stopping"
                    raise Failure(503, code, service.args.instance + " is not ready")
                service.count_request(self.headers.get(ATTEMPT_HEADER))
                deadline = Deadline.from_header(self.headers.get(DEADLINE_HEADER))
                if deadline is not None and deadline.spent():
                    # the caller has given up already: any work now would be for nobody
                    raise Failure(504, "deadline.exceeded", "the caller's deadline budget was spent before "
                                  + service.args.instance + " began")
                Deadline.serve_under(deadline)
                outcome = service.chaos.strike()
                if outcome == "hang":
                    return self.hang(service)
                if outcome == "error":
                    raise Failure(500, "chaos.error", "chaos: injected failure in " + service.args.instance)
            handler, variables, allowed = service.match(self.command, path)
            if handler is None:
                if allowed:
                    return self.send(405, problem(405, "request.method.notAllowed",
                                                  "%s is not allowed on %s" % (self.command, path)),
                                     {"Allow": ", ".join(allowed)})
                raise Failure(404, "route.notFound", "no route %s %s" % (self.command, path))
            query = dict(urllib.parse.parse_qsl(raw_query, keep_blank_values=True))
            status, answer = handler(Call(self.command, path, variables, query, body))
        except Failure as f:
            return self.send(f.status, problem(f.status, f.code, f.detail))
        except Exception as e:  # a bug: a plain problem for the client, the details on our own stderr
            sys.stderr.write("%s %s %s failed: %r\n" % (service.args.instance, self.command, path, e))
            return self.send(500, problem(500, "internal.error", "the request failed inside " + service.args.instance))
        sent = self.send(status, answer)
        if path == "/chaos/crash" and status == 202:
            sys.stderr.write(service.args.instance + " crashing on request\n")
            sys.stderr.flush()
            # no clean close, like a real crash
            os._exit(CRASH_EXIT_STATUS)
        return sent

    def read_body(self, path):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            self.close_connection = True
            raise invalid("request.body.unreadable", "send the body with a Content-Length")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            self.close_connection = True
            raise invalid("request.body.unreadable", "the body could not be read")
        cap = MAX_OPS_BODY_BYTES if path.startswith("/ops/") else MAX_BODY_BYTES
        if length > cap or length < 0:
            self.close_connection = True
            # read what was sent (up to a bound) before answering: closing a socket with unread
            # data resets the connection, and the caller would lose the answer
            remaining = min(max(length, 0), 8 * cap)
            while remaining > 0:
                chunk = self.rfile.read(min(remaining, 65536))
                if not chunk:
                    break
                remaining -= len(chunk)
            raise invalid("request.tooLarge", "the body is over %d bytes" % cap)
        data = self.rfile.read(length) if length else b""
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise invalid("request.json.malformed", "the body is not UTF-8")

    def hang(self, service):
        """Accepts the request and never answers: waits until the caller gives up (closes), then closes."""
        service.leave()
        try:
            connection = self.connection
            until = time.monotonic() + MAX_HANG_SECONDS
            while time.monotonic() < until and not service.stopping.is_set():
                readable, _, _ = select.select([connection], [], [], 0.2)
                if readable:
                    try:
                        if connection.recv(1, socket.MSG_PEEK) == b"":
                            break
                    except OSError:
                        break
        finally:
            service.enter()
            self.close_connection = True
        return 0

    def send(self, status, body, headers=None):
        is_problem = status >= 400 and isinstance(body, dict) and "code" in body
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", ("application/problem+json" if is_problem else "application/json")
                             + "; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Instance", self.server.service.args.instance)
            self.send_header("X-Version", self.server.service.args.version)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)
            self.wfile.flush()
        except OSError:
            self.close_connection = True
        return status


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64
    allow_reuse_address = False

    def __init__(self, service):
        self.service = service
        self.slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(("127.0.0.1", service.args.port), Handler)

    def server_bind(self):
        self.socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().server_bind()

    def process_request(self, request, client_address):
        # a bounded number of connections at once, like the Java chassis's bounded pool
        self.slots.acquire()
        try:
            super().process_request(request, client_address)
        except Exception:
            self.slots.release()
            raise

    def process_request_thread(self, request, client_address):
        try:
            request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            super().process_request_thread(request, client_address)
        finally:
            self.slots.release()


# ---------------------------------------------------------------- the parent watch

def start_time(pid):
    """The kernel's start time of pid and whether it is a zombie, or None if there is no such process."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return fields[19], fields[0] == "Z"
    except (OSError, IndexError):
        return None


def watch_parent(service, parent_pid, watch_stdin):
    """Exits when the parent is gone: its pid ends (or is reused), we are reparented, or stdin ends."""
    if parent_pid is not None:
        first = start_time(parent_pid)
        direct = os.getppid() == parent_pid

        def poll():
            while not service.stopping.is_set():
                now = start_time(parent_pid)
                if (direct and os.getppid() != parent_pid) or now is None or now[1] or (first and now[0] != first[0]):
                    service.exit("parent %d exited" % parent_pid, 0)
                    return
                time.sleep(PARENT_POLL_SECONDS)

        threading.Thread(target=poll, name="parent-watch", daemon=True).start()
    if watch_stdin:
        def read():
            try:
                while sys.stdin.buffer.read1(256):
                    pass
            except (OSError, ValueError):
                pass
            service.exit("standard input closed", 0)

        threading.Thread(target=read, name="stdin-watch", daemon=True).start()


# ---------------------------------------------------------------- main

def main(argv):
    try:
        args = Args(argv)
    except ValueError as e:
        sys.stderr.write("error: %s\n" % e)
        return BAD_ARGUMENTS
    service = Service(args)
    signal.signal(signal.SIGTERM, lambda signum, frame: service.exit("SIGTERM", SIGTERM_STATUS))
    signal.signal(signal.SIGINT, lambda signum, frame: service.exit("SIGINT", SIGTERM_STATUS))
    watch_parent(service, args.parent_pid, args.watch_stdin)
    try:
        server = Server(service)
        service.port = server.server_address[1]
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="http", daemon=True).start()
        service.store = Store(args.data_dir)
        settings = service.settings
        posts = Peer("posts", args.peers["posts"], settings)
        users = Peer("users", args.peers["users"], settings)
        service.register(Threads(service.store, posts, users, settings))
    except (OSError, sqlite3.Error, Failure) as e:
        sys.stderr.write("%s cannot start: %s\n" % (args.instance, e))
        return CANNOT_START
    service.state = "READY"
    print("READY port=%d pid=%d" % (service.port, os.getpid()), flush=True)
    while not service.stopping.wait(1):
        pass
    # drain: business requests now get 503 service.stopping, those running get a moment to finish
    service.state = "STOPPING"
    if service.exit_status == SIGTERM_STATUS:
        until = time.monotonic() + DRAIN_SECONDS
        while service.in_flight > 0 and time.monotonic() < until:
            time.sleep(0.005)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(service.exit_status)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
