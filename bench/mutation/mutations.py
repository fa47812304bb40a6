"""Lock acquisitions in C/C++ source text, and how to delete each one (bench/mutation).

A mutation blanks the lines of one acquisition (keeping their newlines, so every other line keeps
its number and a finding's line can be compared with the original function's extent):
  - a scoped guard declaration: MutexLock l(&mu_); std::lock_guard<std::mutex> g(m);
    std::unique_lock / scoped_lock / shared_lock, and any *Lock/*Guard class declared with a
    mutex argument (leveldb's MutexLock, abseil's MutexLock, ReaderMutexLock...);
  - a `X.Lock();` / `X->lock();` call together with the first matching `X.Unlock();` after it in
    the same function;
  - a `pthread_mutex_lock(&m);` (or memcached's mutex_lock(&m) wrapper) with its unlock.
The enclosing function is found by braces on a copy of the text without comments and strings.
"""
import bisect
import re
from dataclasses import dataclass

GUARD = re.compile(
    r"^[ \t]*(?:std::)?(?:lock_guard|unique_lock|scoped_lock|shared_lock|(?:\w+::)*\w*(?:MutexLock|LockGuard|Locker))"
    r"\b(?:\s*<[^;>]*>)?\s+\w+\s*[({][^;]*[)}]\s*;",
    re.M)
MEMBER_LOCK = re.compile(r"^[ \t]*(?P<obj>[\w.\->\[\]()*]+?)\s*(?:\.|->)\s*(?P<op>Lock|lock)\s*\(\s*\)\s*;", re.M)
C_LOCK = re.compile(r"^[ \t]*(?P<fn>pthread_mutex_lock|mutex_lock|pthread_spin_lock)\s*\(\s*(?P<arg>[^;]*?)\s*\)\s*;",
                    re.M)
C_UNLOCK = {"pthread_mutex_lock": "pthread_mutex_unlock", "mutex_lock": "mutex_unlock",
            "pthread_spin_lock": "pthread_spin_unlock"}
CONTAINERS = re.compile(r"^\s*(?:template\s*<.*>\s*)?(?:namespace|class|struct|union|enum|extern)\b", re.S)


@dataclass
class Mutation:
    file: str
    spans: list          # [(start offset, end offset)] to blank
    lines: list          # the 1-based lines they cover
    function: tuple      # (first line, last line) of the enclosing function
    function_name: str
    kind: str            # guard | member-lock | c-lock

    def describe(self):
        return f"{self.file}:{self.lines[0]} {self.kind} in {self.function_name}"


def strip_comments_and_strings(text):
    """The text with comments, string and character literals replaced by spaces (newlines kept)."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
        else:
            i += 1
            continue
        for k in range(i, j):
            if out[k] != "\n":
                out[k] = " "
        i = j
    return "".join(out)


def first_branches(clean):
    """The text with every #else/#elif branch blanked (newlines kept): braces that open in one
    branch of a conditional and close after it would otherwise unbalance the function scan."""
    out = list(clean)
    depth, skipping_from = 0, None  # skipping_from: the #if depth whose later branches are blanked
    pos = 0
    for line in clean.splitlines(keepends=True):
        d = re.match(r"\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b", line)
        directive = d.group(1) if d else None
        if directive in ("if", "ifdef", "ifndef"):
            depth += 1
        elif directive in ("elif", "else") and skipping_from is None:
            skipping_from = depth
        elif directive == "endif":
            if skipping_from == depth:
                skipping_from = None
            depth -= 1
        if skipping_from is not None:
            for k in range(pos, pos + len(line)):
                if out[k] != "\n":
                    out[k] = " "
        pos += len(line)
    return "".join(out)


class Functions:
    """Function bodies: the outermost braces, outside namespaces, classes and extern blocks, whose
    header has a parameter list."""

    def __init__(self, text):
        clean = first_branches(strip_comments_and_strings(text))
        self.bodies = []  # [open offset, close offset, header text]
        stack = []        # "container" | "function" | "other" (an initializer, a nested block)
        header_start = 0
        i, n = 0, len(clean)
        while i < n:
            c = clean[i]
            if c == "#" and clean[header_start:i].strip() == "":
                while i < n and clean[i] != "\n":  # a directive, with its continuation lines
                    i += 2 if clean[i] == "\\" else 1
                header_start = i
                continue
            if c == "{":
                header = clean[header_start:i]
                if any(k != "container" for k in stack):
                    stack.append("other")
                elif CONTAINERS.match(header):
                    stack.append("container")
                elif "(" in header:
                    stack.append("function")
                    self.bodies.append([i, None, header])
                else:
                    stack.append("other")
                header_start = i + 1
            elif c == "}":
                if stack and stack.pop() == "function":
                    self.bodies[-1][1] = i
                header_start = i + 1
            elif c == ";":
                header_start = i + 1
            i += 1
        self.bodies = [b for b in self.bodies if b[1] is not None]
        self.starts = [b[0] for b in self.bodies]
        self.line_starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == "\n"]

    def line(self, offset):
        return bisect.bisect_right(self.line_starts, offset)

    def enclosing(self, offset):
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0 or self.bodies[k][1] < offset:
            return None
        start, end, header = self.bodies[k]
        names = re.findall(r"([~\w:]+)\s*\(", header)
        name = names[0] if names else "?"
        signature = re.sub(r"^\s*(?:(?:public|private|protected)\s*:\s*)*", "", header)  # an access label is no part
        first = start - len(signature)
        return (self.line(first), self.line(end)), name, end


def line_span(text, start, end):
    """The whole lines holding [start, end), without their final newline."""
    s = text.rfind("\n", 0, start) + 1
    e = text.find("\n", end)
    return s, (len(text) if e < 0 else e)


def find_mutations(path, text):
    fns = Functions(text)
    clean = first_branches(strip_comments_and_strings(text))
    found = []

    def add(spans, kind, at):
        where = fns.enclosing(at)
        if not where:
            return
        extent, name, _ = where
        lines = sorted({fns.line(s) for s, _ in spans})
        found.append(Mutation(path, spans, lines, extent, name, kind))

    for m in GUARD.finditer(clean):
        if re.search(r"\b(?:adopt_lock|defer_lock|try_to_lock)\b", m.group(0)):
            continue  # takes no lock, or not unconditionally
        add([line_span(text, m.start(), m.end())], "guard", m.start())
    def add_pair(m, unlock, kind):
        """The lock `m` and the first `unlock` after it in the same function, if any."""
        where = fns.enclosing(m.start())
        u = where and unlock.search(clean, m.end(), where[2])
        if u:
            add([line_span(text, m.start(), m.end()), line_span(text, u.start(), u.end())], kind, m.start())

    for m in MEMBER_LOCK.finditer(clean):
        obj = re.escape(m["obj"])
        add_pair(m, re.compile(r"^[ \t]*" + obj + r"\s*(?:\.|->)\s*(?:Unlock|unlock)\s*\(\s*\)\s*;", re.M), "member-lock")
    for m in C_LOCK.finditer(clean):
        call = C_UNLOCK[m["fn"]] + r"\s*\(\s*" + re.escape(m["arg"])
        add_pair(m, re.compile(r"^[ \t]*" + call + r"\s*\)\s*;", re.M), "c-lock")
    return found


def apply(text, mutation):
    """The text with the mutation's lines blanked (newlines kept)."""
    out = text
    for s, e in sorted(mutation.spans, reverse=True):
        out = out[:s] + out[e:]
    return out
