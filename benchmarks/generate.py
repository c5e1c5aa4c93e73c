"""Synthetic caseloads for the benchmark, made reproducibly from a seed.

Every figure is relative to one fixed moment (ANCHOR), which the benchmark also
hands the app as its clock, so the same seed gives the same file and the same
groups on any day. The file is created through `Store.open(create=True)` (so
its schema is exactly what the migrations make) and then filled with bulk
`executemany` inside one transaction.
"""

from __future__ import annotations

import itertools
import random
import sqlite3
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

ANCHOR = datetime(2026, 11, 26, 19, 30)  # "now" for every size: a Thursday evening, day's end
GENERATOR_VERSION = 2  # bump when the data generated for a seed changes (2: reactions name their feelings)


@dataclass(frozen=True)
class Size:
    name: str
    clients: int
    active: int
    years: int
    appointments: int
    thoughts: int
    questions: int

    @property
    def encounters(self) -> int:
        return max(5, (self.clients - self.active) // 20)


SIZES = {
    # A private practice: 40 active clients, 300 in all over five years.
    "S": Size("S", clients=300, active=40, years=5, appointments=9_000, thoughts=2_500, questions=1_000),
    # A group practice.
    "M": Size("M", clients=2_000, active=300, years=10, appointments=100_000, thoughts=50_000,
              questions=20_000),
    # A large clinic, or a very long career.
    "L": Size("L", clients=10_000, active=1_500, years=20, appointments=1_000_000, thoughts=300_000,
              questions=100_000),
}

# ---------------------------------------------------------------- words

FIRST = ("Alex Ana Ben Bea Cara Chen Dana Dev Eli Ema Finn Fay Gus Gita Hal Hana Ivo Iris Jon Jada Kai "
         "Kira Leo Lina Max Mira Ned Nora Oli Omar Pia Per Quinn Raf Rosa Sam Sara Tom Tara Uma Ugo "
         "Vic Vera Wes Wren Xan Yara Yusuf Zoe Zed Amir Bo Cleo Dmitri Esra Femi Greta Hugo Ines").split()
SURNAME_LETTERS = "ABCDEFGHIJKLMNOPRSTVWYZ"

COMMON = (
    "the a and to of in he she was it that with his her for on not at as but they felt about my me "
    "i session again mother father sister brother partner wife husband work job home today week "
    "said wanted tried could would when what why how still time told again maybe think feel sense "
    "angry sad tired afraid ashamed anxious calm relief grief loss anger fear shame guilt hope "
    "approval attention silence pause laughter tears late early cancel cancelled missed came "
    "money holiday weekend christmas birthday school teacher boss colleague friend child children "
    "dream dreams sleep drinking eating body pain doctor hospital illness move moving house "
    "therapy therapist ending break return rupture repair trust distance closeness contact "
    "blind spot transference countertransference resentment envy jealousy boredom curiosity "
    "wonder noticed realised remembered forgot avoided asked answered question supervision "
    "pattern repeat repeating same different change stuck better worse lonely alone together "
    "past future childhood parents divorce wedding baby pregnancy grandmother grandfather death "
    "funeral letter phone message email text garden walk kitchen living room car train city"
).split()


def _pseudo_words(rng: random.Random, n: int) -> list[str]:
    """A long tail of rare words (places, names, private references), made of syllables."""
    onsets = "b c d f g h j k l m n p r s t v w z br ch cl dr fl gr kr pl sh st th tr".split()
    vowels = "a e i o u ai ea ie io ou".split()
    codas = ["", "", "n", "r", "s", "l", "th", "nd", "rk", "st"]
    words: set[str] = set()
    while len(words) < n:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(2, 3)))
        words.add(word + rng.choice(codas))
    return sorted(words)


class Words:
    """Zipf-distributed words: a few very common, a long tail of rare ones."""

    def __init__(self, rng: random.Random, tail: int = 6_000):
        self.rng = rng
        self.vocabulary = COMMON + _pseudo_words(rng, tail)
        weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(self.vocabulary))]
        self._cum = list(itertools.accumulate(weights))

    def sentence(self, low: int = 4, high: int = 16) -> str:
        words = self.rng.choices(self.vocabulary, cum_weights=self._cum, k=self.rng.randint(low, high))
        text = " ".join(words)
        return text[:1].upper() + text[1:] + self.rng.choice(".?.!.")

    def body(self, sentences: tuple[int, int] = (1, 3)) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(*sentences)))

    def rare(self) -> str:
        return self.rng.choice(self.vocabulary[len(COMMON) + 2_000:])

    def common(self) -> str:
        return self.rng.choice(COMMON[20:])


# ---------------------------------------------------------------- the caseload

STATUS_AWAY = ("cancelled", "cancelled", "late_cancelled", "no_show", "no_show",
               "clinician_cancelled", "rescheduled", "rescheduled")
KINDS = ("insight", "blind_spot", "curiosity", "holding", "reaction", "wondering", "learning")
ENDINGS = (("both", "goodbye"), ("me", "goodbye"), ("client", "unprepared"), ("client", "no_last_session"),
           ("circumstances", "no_last_session"))  # (who ended the work, how)
DAYS = ("MO", "TU", "WE", "TH", "FR")
# A reaction's feeling words as clinicians type them: the feeling, or a form of it ("relieved", "guilty").
FEELING_WORDS = ("relief relieved guilt guilty resentment resentful irritated annoyed anger angry hurt sad "
                 "afraid dread anxious worried ashamed shame tender protective pleased glad bored rushed "
                 "rescue").split()
WHOSE = ("mine", "mine", "theirs", "both", "not_sure", None)  # None: not said


def _reaction(rng: random.Random) -> tuple[str | None, str]:
    """Whose feeling a reaction is and its feeling words: most name one or two, some a sequence ("relieved,
    then guilty"), a quarter none (so the feelings found in the text are measured too)."""
    if rng.random() < 0.25:
        return rng.choice(WHOSE), ""
    named = rng.sample(FEELING_WORDS, rng.choice((1, 1, 2, 2, 3)))
    return rng.choice(WHOSE), (", then " if len(named) > 1 and rng.random() < 0.4 else ", ").join(named)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def _allocate(total: int, weights: list[float]) -> list[int]:
    """Split `total` into whole shares proportional to `weights` (largest remainders get the rest)."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    shares = [int(x) for x in exact]
    short = total - sum(shares)
    for i in sorted(range(len(weights)), key=lambda i: exact[i] - shares[i], reverse=True)[:short]:
        shares[i] += 1
    return shares


def _moment_between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    span = max(60, int((end - start).total_seconds() // 60))
    return (start + timedelta(minutes=rng.randrange(span))).replace(second=0, microsecond=0)


def generate(path: Path, size: Size, seed: int, log=print) -> dict[str, int]:
    """Create `path` (which must not exist) as a caseload of `size`; returns the row counts."""
    from caseload_tui.store import Store

    rng = random.Random(f"{seed}:{size.name}")
    words = Words(rng)
    began = time.perf_counter()
    Store.open(path, create=True).close()  # the schema, exactly as the migrations make it

    today = ANCHOR.date()
    first_day = today - timedelta(days=365 * size.years)
    clients, courses = [], []  # courses: (client_id, start, end, active, reliability, fading)
    active_ids = set(rng.sample(range(1, size.clients + 1), size.active))
    for client_id in range(1, size.clients + 1):
        active = client_id in active_ids
        if active:
            started = first_day + timedelta(days=rng.randrange(365 * size.years - 14))
            if rng.random() < 0.6:  # most active clients began in the last two years
                started = today - timedelta(days=rng.randrange(14, 730))
            ended, ending = None, (None, None)
        else:
            started = first_day + timedelta(days=rng.randrange(365 * size.years - 60))
            length = timedelta(days=rng.randint(30, 3 * 365))
            ended = min(started + length, today - timedelta(days=1))
            ending = rng.choice(ENDINGS)
        day, hour = rng.choice(DAYS), rng.choice((8, 9, 10, 11, 13, 14, 15, 16, 17, 18))
        every = "INTERVAL=2;" if rng.random() < 0.15 else ""
        name = f"{rng.choice(FIRST)} {rng.choice(SURNAME_LETTERS)}."
        reflection = [words.sentence() if (ended and rng.random() < 0.5) else "" for _ in range(6)]
        # The client's columns, then their one episode's: who and how, the six-part reflection.
        clients.append((client_id, name, f"C{client_id:05d}", started.isoformat(),
                        ended.isoformat() if ended else None,
                        (f"FREQ=WEEKLY;{every}BYDAY={day};BYHOUR={hour};BYMINUTE=0"
                         if active or rng.random() < .5 else ""),
                        ", ".join(words.common() for _ in range(rng.randint(0, 3))),
                        int(active and rng.random() < 0.05), *ending, *reflection))
        reliability = 0.93 if rng.random() < 0.75 else 0.65
        fading = active and rng.random() < 0.15  # an absentee in the making: the last few missed
        start_at = datetime.combine(started, datetime.min.time()).replace(hour=hour)
        end_at = (datetime.combine(ended, datetime.min.time()).replace(hour=hour) if ended
                  else ANCHOR + timedelta(days=28))
        courses.append((client_id, start_at, end_at, active, reliability, fading))

    weights = [max(30.0, (end - start).days) * (1.6 if active else 1.0)
               for _, start, end, active, _, _ in courses]

    def appointment_rows():
        for (client_id, start, end, active, reliability, fading), n in zip(
                courses, _allocate(size.appointments, weights), strict=True):
            if n == 0:
                continue
            step = (end - start) / n
            missed_tail = rng.randint(2, 4) if fading else 0
            past = [start + step * k for k in range(n)]
            past_count = sum(1 for when in past if when <= ANCHOR)
            for k, when in enumerate(past):
                when = when.replace(minute=0, second=0, microsecond=0)
                if when > ANCHOR:
                    status = "scheduled"
                elif k >= past_count - missed_tail:
                    status = rng.choice(("cancelled", "no_show", "late_cancelled"))
                elif active and (ANCHOR - when).days < 2 and rng.random() < 0.5:
                    status = "scheduled"  # not yet recorded
                elif rng.random() < reliability:
                    status = "late" if rng.random() < 0.06 else "attended"
                else:
                    status = rng.choice(STATUS_AWAY)
                yield (client_id, _iso(when), status, "")

    def notes_for(total: int, practice_share: float):
        """(client_id or None, moment) for each note, spread over the clients' courses."""
        practice = int(total * practice_share)
        shares = _allocate(total - practice, weights)
        for (client_id, start, end, active, _, _), n in zip(courses, shares, strict=True):
            end = min(end, ANCHOR)
            for _ in range(n):
                yield client_id, active, _moment_between(rng, start, end)
        for _ in range(practice):
            yield None, True, _moment_between(rng, datetime.combine(first_day, datetime.min.time()), ANCHOR)

    def in_time_order(notes):
        """Notes are written as time goes by, so their ids rise with their dates."""
        return sorted(notes, key=lambda note: note[2])

    feeling = random.Random(f"{seed}:{size.name}:feelings")  # its own stream: the rest is as in version 1

    def thought_rows():
        for client_id, active, when in in_time_order(notes_for(size.thoughts, 0.03)):
            lingering = rng.random() < (0.35 if active else 0.08)
            kind = rng.choice(KINDS)
            whose, feelings = _reaction(feeling) if kind == "reaction" else (None, "")
            yield (client_id, _iso(when), words.body(), kind, int(lingering), int(rng.random() < 0.03), whose,
                   feelings)

    def question_rows():
        for client_id, active, when in in_time_order(notes_for(size.questions, 0.0)):
            roll = rng.random()
            if active and roll < 0.35 or roll < 0.03:
                yield (client_id, _iso(when), words.body((1, 1)), "open", "", None)
            else:
                closed = _iso(min(ANCHOR, when + timedelta(days=rng.randint(1, 60))))
                if roll < 0.75:
                    yield (client_id, _iso(when), words.body((1, 1)), "answered", words.body((1, 2)), closed)
                else:
                    yield (client_id, _iso(when), words.body((1, 1)), "dropped", "", closed)

    graduates = [c for c in courses if not c[3]]

    def encounter_rows():
        for _ in range(size.encounters):
            client_id, _, end, *_ = rng.choice(graduates)
            when = _moment_between(rng, min(end, ANCHOR - timedelta(days=1)), ANCHOR).date()
            yield (client_id, when.isoformat(), words.body((1, 2)))

    conn = sqlite3.connect(str(path))
    try:
        # Speed only matters here, not durability: the file is remade if this is interrupted.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -262144")
        conn.execute("BEGIN")
        conn.executemany(
            "INSERT INTO clients (id, name, code, started_on, ended_on, schedule, themes, bring_to_supervision) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [row[:8] for row in clients])
        conn.executemany(
            "INSERT INTO episodes (client_id, started_on, ended_on, ended_by, ending_how, helped, not_helped, "
            "they_learned, i_learned, could_not_find, still_wonder) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(row[0], row[3], row[4], *row[8:]) for row in clients])
        conn.executemany("INSERT INTO appointments (client_id, starts_at, status, note) VALUES (?, ?, ?, ?)",
                         appointment_rows())
        conn.executemany("INSERT INTO thoughts (client_id, written_at, body, kind, lingering, tell_client, whose, "
                         "feelings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", thought_rows())
        conn.executemany("INSERT INTO questions (client_id, asked_at, body, status, answer, closed_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)", question_rows())
        conn.executemany("INSERT INTO encounters (client_id, happened_on, body) VALUES (?, ?, ?)",
                         encounter_rows())
        conn.execute("COMMIT")
        counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("clients", "appointments", "thoughts", "questions", "encounters")}
        conn.execute("PRAGMA journal_mode = WAL")  # as the app keeps it
    finally:
        conn.close()
    log(f"  generated {size.name} in {time.perf_counter() - began:.1f} s: "
        + ", ".join(f"{n:,} {table}" for table, n in counts.items()))
    return counts


def queries(seed: int, n: int = 100) -> list[str]:
    """`n` varied searches, as a clinician types them: common and rare words, pairs, prefixes,
    quotes and operators (searched as plain words), and some that find nothing."""
    rng = random.Random(f"{seed}:queries")
    words = Words(random.Random(f"{seed}:query-words"))
    made: list[str] = []
    kinds = itertools.cycle(["common", "rare", "pair", "prefix", "common", "rare", "pair", "phrase",
                             "operator", "nothing"])
    while len(made) < n:
        kind = next(kinds)
        if kind == "common":
            made.append(words.common())
        elif kind == "rare":
            made.append(words.rare())
        elif kind == "pair":
            made.append(f"{words.common()} {words.rare() if rng.random() < .5 else words.common()}")
        elif kind == "prefix":
            word = words.common() if rng.random() < .5 else words.rare()
            made.append(word[: rng.randint(2, 4)])
        elif kind == "phrase":
            made.append(f'"{words.common()} {words.common()}"')
        elif kind == "operator":
            made.append(rng.choice([f"{words.common()} OR {words.common()}",
                                    f"{words.common()} NOT {words.rare()}",
                                    f"{words.common()} AND {words.common()}", f"{words.common()}*",
                                    f"({words.rare()})"]))
        else:
            made.append("qqq" + words.rare())
    return made


def cached(size: Size, seed: int, cache_dir: Path, log=print) -> Path:
    """The file for (size, seed), generated once and kept under `cache_dir`."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"caseload-{size.name}-seed{seed}-v{GENERATOR_VERSION}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
        generate(partial, size, seed, log=log)
        partial.rename(path)
    return path


if __name__ == "__main__":  # pragma: no cover - `python benchmarks/generate.py L /tmp/x.db`
    generate(Path(sys.argv[2]), SIZES[sys.argv[1]], int(sys.argv[3]) if len(sys.argv) > 3 else 1)
