#!/usr/bin/env python3
"""Re-indexing one article in a 1,000-article corpus, while answers keep flowing (bench/reindex.sh runs this).

Builds a seeds folder of 1,000 articles from the public training data in eval/train (DRCD and CMRC 2018 articles, CC
BY-SA; see eval/train/README.md), starts `chat --json` on it, and, once it answers, rewrites one article with a new
sentence. It then keeps asking, one question at a time, about that sentence, and reports when the first answer cites
the new text (after the write), how many questions were asked and answered meanwhile (every one must be), and the
slowest of those answers.
"""
import json, os, subprocess, sys, tempfile, time

repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
exe = sys.argv[1]
articles = []
for name in ["drcd_test.json", "cmrc2018_dev.json"]:
    for article in json.load(open(os.path.join(repo, "eval", "train", name), encoding="utf-8"))["data"]:
        text = "\n\n".join(p["context"].strip() for p in article["paragraphs"])
        articles.append((article.get("title") or article.get("id") or "article", text))
articles = articles[:1000]
folder = tempfile.mkdtemp(prefix="articlebot-reindex-")
seeds = os.path.join(folder, "seeds")
os.makedirs(seeds)
for i, (title, text) in enumerate(articles):
    with open(os.path.join(seeds, f"a{i:04d}.md"), "w", encoding="utf-8") as f:
        f.write(f"# {title}\n\n{text}\n")
size = sum(len(t.encode("utf-8")) for _, t in articles)
print(f"corpus: {len(articles)} articles, {size / 1024:.0f} KB of text, in {seeds}")

# A cache of its own: a cache left by an earlier run already holds the rewritten corpus's index, and would be reused.
cache = os.path.join(folder, "cache")
chat = subprocess.Popen([exe, "chat", "--json", f"--Corpus:SeedsPath={seeds}", f"--Corpus:CachePath={cache}", "--Plugins:Directories:0=none",
                         "--Logging:LogLevel:ArticleBot=Information"],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(os.path.join(folder, "log.txt"), "w"), text=True, encoding="utf-8", bufsize=1)

def ask(question):
    started = time.monotonic()
    chat.stdin.write("/new\n" + question + "\n")
    chat.stdin.flush()
    line = chat.stdout.readline()
    if not line:
        sys.exit("the chat ended: " + open(os.path.join(folder, "log.txt")).read()[-2000:])
    return json.loads(line), time.monotonic() - started

started = time.monotonic()
ask(articles[0][0] + "是什麼？")
print(f"first answer (index built from scratch or read from its cache): {time.monotonic() - started:.2f} s")
for _ in range(3):
    ask(articles[1][0] + "是什麼？")

question = "黑松林天文台的望遠鏡口徑是多少？"
fact = "黑松林天文台的望遠鏡口徑是四百一十二公分。"
answer, _ = ask(question)
assert fact not in json.dumps(answer, ensure_ascii=False), "the new sentence is already in the corpus"
target = os.path.join(seeds, "a0500.md")
with open(target, "a", encoding="utf-8") as f:
    f.write(f"\n{fact}\n")
written = time.monotonic()
asked = answered = 0
slowest = 0.0
cited_after = None
while time.monotonic() - written < 60:
    answer, took = ask(question)
    asked += 1
    answered += 1 if answer.get("answer") else 0
    slowest = max(slowest, took)
    if any("四百一十二" in (c.get("quote") or "") for c in answer.get("citations", [])):
        cited_after = time.monotonic() - written
        break

# English questions use the lexicon, which a reload rebuilds in the background: ask one, then measure as above.
ask("What is the telescope's aperture?")
chat.stdin.close()
chat.wait(timeout=30)
# What the reload did, from the bot's log (Information level): the index update and the lexicon rebuilt behind it.
for line in open(os.path.join(folder, "log.txt"), encoding="utf-8"):
    if "re-indexed" in line or "updated from the last one" in line or "lexicon" in line:
        print("  log: " + line.strip())
if cited_after is None:
    sys.exit("the rewritten article was not cited within 60 s")
print(f"one article rewritten in a {len(articles)}-article corpus: first answer citing the new text {cited_after:.2f} s after the write; "
      f"{asked} questions asked meanwhile, {answered} answered, slowest answer {slowest * 1000:.0f} ms")
