"""Write the demo caseload: src/caseload_tui/sample_data/caseload.json.

A fictional caseload of eighteen clients that shows every part of the app:
regulars, absentees and graduates (with the grouping rules of docs/ARCHITECTURE.md,
"Grouping rules", in mind), two years of sessions with every outcome, lingering
thoughts of every kind, follow-up questions, chance encounters with former clients
and one supervision meeting. Every person, place and story in it is made up.

Deterministic: no clock is read and the only randomness is random.Random with
fixed seeds, so running it twice writes the same bytes. Every date is counted
from WRITTEN_ON, as "n weeks back, on such a weekday"; `caseload --demo` moves
the whole file so that WRITTEN_ON becomes today, and weekdays move with it.
That is why no text in here names a weekday, a month or a holiday: say "this
morning" or "next month", never "on Thursday" or "at Christmas".

Standard library only:  python tools/make_demo.py
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, time, timedelta
from pathlib import Path

WRITTEN_ON = date(2026, 11, 26)  # a Thursday; the demo's "today"
NOW = datetime.combine(WRITTEN_ON, time(20, 0))  # the evening of that day
BOOK_AHEAD = timedelta(days=14)  # booked sessions reach at most this far ahead

OUT = Path(__file__).resolve().parent.parent / "src" / "caseload_tui" / "sample_data" / "caseload.json"

DAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
THIS_MONDAY = WRITTEN_ON - timedelta(days=WRITTEN_ON.weekday())


def wk(weeks_back: int, day: str) -> date:
    """The given weekday in the week `weeks_back` weeks before this one (0 = this week)."""
    return THIS_MONDAY - timedelta(weeks=weeks_back) + timedelta(days=DAYS[day])


def at(weeks_back: int, day: str, clock: str) -> datetime:
    hour, minute = map(int, clock.split(":"))
    return datetime.combine(wk(weeks_back, day), time(hour, minute))


def weeks_back_of(day: date) -> int:
    return (THIS_MONDAY - (day - timedelta(days=day.weekday()))).days // 7


# ------------------------------------------------------------ the clinic's own calendar

# My holidays, the same weeks for everyone: the week of and the week after
# the winter break, and two weeks in the summer (counted back from WRITTEN_ON;
# with 2026-11-26 these are late Dec 2024, Aug 2025, late Dec 2025, Aug 2026).
HOLIDAY_WEEKS = {100, 99, 67, 66, 48, 47, 15, 14}
# A day I was ill and cancelled everyone.
ILL_DAYS = {wk(1, "TU")}

# ------------------------------------------------------------ attendance profiles

# Chance per session, for history older than the last ten weeks (the recent
# weeks of active clients are written out by hand below).
PROFILES = {
    "steady": {"late": 0.04, "cancelled": 0.025, "late_cancelled": 0.01, "no_show": 0.005,
               "rescheduled": 0.025},
    "busy": {"late": 0.06, "cancelled": 0.03, "late_cancelled": 0.02, "no_show": 0.0,
             "rescheduled": 0.08},
    "patchy": {"late": 0.08, "cancelled": 0.07, "late_cancelled": 0.04, "no_show": 0.03,
               "rescheduled": 0.03},
}

NOTES = {
    "attended": [""] * 12 + ["Good session", "Quiet session, a lot of silence",
                             "Talked about the break", "Brought a dream"],
    "late": ["About ten minutes late, traffic", "Fifteen minutes late, apologised", "Late, came in flustered",
             "Late: the train", ""],
    "cancelled": ["Texted the day before: unwell", "Work deadline", "Child ill", "Away for a family wedding",
                  "Emailed: a clash at work", ""],
    "late_cancelled": ["Texted an hour before", "Rang at the start time: stuck at work",
                       "Cancelled that morning", ""],
    "no_show": ["No word", "Forgot; emailed an apology that evening", ""],
    "rescheduled": ["Moved at their request", "Asked to move; a work trip", "Moved: a medical appointment"],
    "clinician_cancelled": ["I was away"],
}

# ------------------------------------------------------------ the clients
#
# day/hour: the schedule (weekly, or every `every` weeks). start and end are
# (weeks back, weekday) and fall on a session day. `recent` holds the outcome
# of sessions by weeks back, for the weeks written out by hand; anything not
# listed there and not a holiday came. A "rescheduled" outcome carries where
# the session moved to: (days later, "HH:MM", outcome of the moved session).
# `ahead`: how many sessions are booked after today.

A, L, C, LC, NS, S = "attended", "late", "cancelled", "late_cancelled", "no_show", "scheduled"

CLIENTS = [
    {
        "code": "C-003", "name": "Olu", "day": "WE", "hour": "10:00", "every": 1,
        "start": 107, "end": 71, "ended_by": "both", "how": "goodbye", "profile": "steady",
        "themes": "redundancy, anger, his father's expectations",
        "recent": {74: (L, "Twenty minutes late; stayed outside in the car first"),
                   72: (A, "Second to last session"), 71: (A, "Last session, as planned")},
        "reflection": {
            "helped": "Agreeing the ending early, months ahead, so that it could be talked about rather than "
                      "dreaded. Letting him be angry with his old employer without steering him to be fair.",
            "not_helped": "My early attempts to link the redundancy to his father. He heard them as me "
                          "telling him what he felt, and argued.",
            "they_learned": "That being let go was not a verdict on his worth, and that he could ask for "
                            "help without it costing him his pride.",
            "i_learned": "Men like Olu often need the anger honoured before the hurt can come. A planned "
                         "ending can be part of the therapy, not just the end of it.",
            "could_not_find": "A way for him to be sad about his father without it turning straight into "
                              "anger. We came close once, near the end.",
            "still_wonder": "Whether he will let his own son disappoint him.",
        },
    },
    {
        "code": "C-005", "name": "Agnes", "day": "FR", "hour": "11:00", "every": 1,
        "start": 103, "end": 41, "ended_by": "client", "how": "unprepared", "profile": "steady",
        "themes": "caring for her mother, dementia, guilt, insomnia",
        "recent": {43: (C, "Her mother's care assessment"),
                   42: (A, "Said she would like to stop after next time"),
                   41: (A, "Last session, her choice")},
        "reflection": {
            "helped": "A regular hour that was only hers, in a life arranged around her mother. Putting "
                      "words to the guilt: that wanting rest is not the same as wanting her mother gone.",
            "not_helped": "Sleep diaries. She filled them in dutifully and they changed nothing; I kept "
                          "them going too long because they made me feel useful.",
            "they_learned": "That she is allowed to have limits, and that the care home was a decision "
                            "made out of love, not a failure of it.",
            "i_learned": "When a client ends sooner than I would, the wish for 'one more session to tie "
                         "things up' is usually mine. Respect the ending she chose.",
            "still_wonder": "Who looks after Agnes now that her mother is looked after.",
        },
    },
    {
        "code": "C-007", "name": "Amaan", "day": "MO", "hour": "17:00", "every": 1,
        "start": 97, "end": None, "profile": "steady", "ahead": 1, "supervision": True,
        "themes": "mother's emotional absence, approval-seeking, perfectionism at work",
        "recent": {5: (L, "Ten minutes late, apologised twice")},
    },
    {
        "code": "C-009", "name": "Marcus", "day": "TU", "hour": "16:00", "every": 1,
        "start": 103, "end": 49, "ended_by": "both", "how": "goodbye", "profile": "busy",
        "themes": "his father's death, burnout, becoming a father",
        "earlier": [{
            "start": 290, "end": 262, "ended_by": "me", "how": "goodbye",
            "reflection": {
                "helped": "Six months of steady, practical work on his first team-lead job.",
                "i_learned": "Ending because I was leaving the clinic, not because he was ready, left us "
                             "both a little cheated. I said so; I am glad I did.",
                "still_wonder": "Whether he would come back one day. He did.",
            },
        }],
        "recent": {51: (A, ""), 50: (A, "Talked about what he will take with him"),
                   49: (A, "Planned last session")},
        "reflection": {
            "helped": "Grieving his father slowly instead of efficiently. He said the most useful thing "
                      "was that I did not let him turn therapy into another project to finish well.",
            "not_helped": "The months we spent on work stress before the grief could be named. Perhaps "
                          "they were necessary; they felt like circling.",
            "they_learned": "That his father's silences were his father's, and that he can talk to his "
                            "own child differently.",
            "i_learned": "Burnout can be grief that has not been given time. Ask about losses early, "
                         "even when the referral says 'stress'.",
        },
    },
    {
        "code": "C-011", "name": "Rosa", "day": "TU", "hour": "09:00", "every": 1,
        "start": 81, "end": None, "profile": "steady", "ahead": 1,
        "themes": "grief after her sister's death, anger, faith",
        "earlier": [{
            "start": 240, "end": 214, "ended_by": "circumstances", "how": "no_last_session",
            "reflection": {
                "helped": "Somewhere to put the worry about her sister's first illness.",
                "not_helped": "My waiting for her to set the pace when the move was already decided.",
                "could_not_find": "Time: her job moved her across the country within a month, and she "
                                  "wrote to say so. I referred her on to a colleague there.",
                "still_wonder": "How much of the faith is hers, and how much her family's.",
            },
        }],
        "recent": {4: (C, "A family christening she could not miss")},
    },
    {
        "code": "C-012", "name": "Pauline", "day": "WE", "hour": "15:00", "every": 1,
        "start": 89, "end": 29, "ended_by": "client", "how": "no_last_session", "profile": "patchy",
        "themes": "divorce, her sister, self-worth, her mother's death",
        "recent": {35: (A, ""), 34: (A, "I raised her mother's death; she went quiet and polite"),
                   33: (LC, "Texted an hour before: a headache"), 32: (A, "Short, careful session"),
                   31: (A, "Said she was 'thinking about whether this is still useful'"),
                   30: (NS, "No word"),
                   29: (C, "Emailed: she won't be coming back. Thanked me.")},
        "reflection": {
            "helped": "Being able to be angry with her sister out loud without me flinching. Treating the "
                      "divorce paperwork as the grief it was.",
            "not_helped": "I went towards her mother's death too soon. I think she felt taken somewhere "
                          "she had not chosen, and she stopped coming a few weeks later. I cannot be sure "
                          "the two are linked, but I wonder.",
            "they_learned": "That she can say no to her sister and survive it, and that being 'the strong "
                            "one' was a role she was given, not a fact about her.",
            "i_learned": "Let the client set the pace on the oldest losses. And endings are not always "
                         "mine to shape: a short thank-you email can be an ending too.",
            "could_not_find": "A goodbye. The work had to end abruptly, by email, before we could say one.",
            "still_wonder": "What made her stop, and whether the settlement ever came right for her.",
        },
    },
    {
        "code": "C-014", "name": "Kofi", "day": "FR", "hour": "08:00", "every": 2,
        "start": 86, "end": None, "profile": "busy", "ahead": 1,
        "themes": "work stress, burnout, perfectionism",
        "recent": {6: ("rescheduled", "Asked to move: a board meeting", (3, "08:00", A))},
    },
    {
        "code": "C-015", "name": "Harriet", "day": "WE", "hour": "14:00", "every": 2,
        "start": 64, "end": None, "profile": "steady", "ahead": 1,
        "themes": "retirement, loss of role, marriage",
        "recent": {2: (L, "Late: the bus")},
    },
    {
        "code": "C-016", "name": "Yuki", "day": "TH", "hour": "12:00", "every": 1,
        "start": 94, "end": 22, "ended_by": "both", "how": "goodbye", "profile": "steady",
        "themes": "social anxiety, moving countries, loneliness",
        "recent": {24: (A, "We agreed to end in two weeks"), 23: (A, ""),
                   22: (A, "Last session, ended by agreement")},
        "reflection": {
            "helped": "Practising the small frightening things between sessions and bringing them back: "
                      "the phone call, the choir audition, the colleague's lunch invitation.",
            "not_helped": "Going over her childhood when she wanted help with the present. I followed my "
                          "model rather than her for a month or so.",
            "they_learned": "That other people are mostly busy with their own worries, not judging hers, "
                            "and that loneliness is something you can act on.",
            "i_learned": "A mutual ending is quiet: we both knew, and said so in the same session. Not "
                         "every good ending needs a ceremony.",
        },
    },
    {
        "code": "C-018", "name": "Ines", "day": "TH", "hour": "11:00", "every": 1,
        "start": 60, "end": None, "profile": "steady", "ahead": 1,
        "themes": "couple conflict, career change, her mother-in-law",
        "recent": {3: (C, "Her mother-in-law in hospital; no other time fitted")},
    },
    {
        "code": "C-019", "name": "Noor", "day": "MO", "hour": "16:00", "every": 1,
        "start": 55, "end": None, "profile": "steady",
        "themes": "low mood after the birth of her son, sleep, going back to work",
        "recent": {1: (C, "Texted: the baby unwell"), 0: (NS, "No word")},
    },
    {
        "code": "C-021", "name": "Sanne", "day": "TH", "hour": "15:00", "every": 1,
        "start": 46, "end": None, "profile": "steady",
        "themes": "identity, coming out at forty, family of origin",
        "recent": {2: ("rescheduled", "Moved to the next morning: a work trip", (1, "10:00", A))},
    },
    {
        "code": "C-022", "name": "Tom", "day": "WE", "hour": "18:00", "every": 1,
        "start": 38, "end": None, "profile": "steady",
        "themes": "panic attacks, health anxiety",
        "recent": {6: (NS, "Forgot; emailed an apology that evening"), 0: (S, "")},
    },
    {
        "code": "C-023", "name": "Gareth", "day": "TU", "hour": "13:00", "every": 1,
        "start": 42, "end": None, "profile": "patchy",
        "themes": "separation, drinking, shame",
        "recent": {2: (C, "Texted an hour before: work"),
                   0: ("rescheduled", "He rang and asked to move it", (3, "13:00", S))},
    },
    {
        "code": "C-024", "name": "Joel", "day": "TH", "hour": "18:00", "every": 1,
        "start": 29, "end": None, "profile": "steady", "ahead": 1, "supervision": True,
        "themes": "anger, new fatherhood, his own father",
        "recent": {5: (L, "Late; the baby had been up all night")},
    },
    {
        "code": "C-025", "name": "Melanie", "day": "TH", "hour": "09:00", "every": 1,
        "start": 12, "end": None, "profile": "patchy", "supervision": True,
        "themes": "low mood, unsure therapy can help, work",
        "recent": {12: (A, "First session"), 11: (A, ""), 10: (C, "Texted the night before"),
                   9: (A, ""), 8: (LC, "Texted twenty minutes before"), 7: (L, "Fifteen minutes late"),
                   6: (C, "Texted that morning"), 5: (A, ""), 4: (NS, "No word"),
                   3: (C, "Texted: too much on"), 2: (A, "Said she nearly didn't come"),
                   1: (C, "Texted at 7:40, no other time asked for")},
    },
    {
        "code": "C-026", "name": "Priya", "day": "FR", "hour": "10:00", "every": 1,
        "start": 21, "end": None, "profile": "steady", "ahead": 1,
        "themes": "a new diagnosis, control, fear of depending on others",
        "recent": {7: (C, "Hospital appointment"), 1: (S, "")},
    },
    {
        "code": "C-027", "name": "Dev", "day": "MO", "hour": "10:00", "every": 1,
        "start": 1, "end": None, "profile": "steady", "ahead": 1,
        "themes": "sudden death of a friend, numbness",
        "recent": {1: (A, "First session")},
    },
]

HAND_WRITTEN_WEEKS = 10  # for active clients, the last weeks come only from `recent`


def schedule_of(c: dict) -> str:
    hour, minute = map(int, c["hour"].split(":"))
    interval = f";INTERVAL={c['every']}" if c["every"] != 1 else ""
    return f"FREQ=WEEKLY{interval};BYDAY={c['day']};BYHOUR={hour};BYMINUTE={minute}"


REFLECTION_PARTS = ("helped", "not_helped", "they_learned", "i_learned", "could_not_find", "still_wonder")


def episode_record(c: dict, period: dict) -> dict:
    """One period of work: its dates, who ended it and how, and the six-part reflection."""
    ended = period["end"] is not None
    reflection = period.get("reflection", {})
    return {
        "started_on": wk(period["start"], c["day"]).isoformat(),
        "ended_on": wk(period["end"], c["day"]).isoformat() if ended else None,
        "ended_by": period.get("ended_by") if ended else None,
        "how": period.get("how") if ended else None,
        "recorded_as": "",
        "reflection": {part: reflection.get(part, "") for part in REFLECTION_PARTS},
    }


def episodes_of(c: dict) -> list[dict]:
    """Every period of work with the client, the first first; the client's own dates are the last one's."""
    return [episode_record(c, period) for period in (*c.get("earlier", ()), c)]


def client_record(c: dict) -> dict:
    ended = c["end"] is not None
    return {
        "code": c["code"],
        "name": c["name"],
        "started_on": wk(c["start"], c["day"]).isoformat(),
        "ended_on": wk(c["end"], c["day"]).isoformat() if ended else None,
        "schedule": schedule_of(c),
        "themes": c["themes"],
        "bring_to_supervision": bool(c.get("supervision", False)),
        "episodes": episodes_of(c),
    }


def moved_to(when: datetime, clock: str, days: int | None = None) -> datetime:
    """Where a rescheduled session went: a day or two later, on a weekday."""
    if days is None:
        days = 1 if when.weekday() < 4 else 3
    hour, minute = map(int, clock.split(":"))
    return datetime.combine(when.date() + timedelta(days=days), time(hour, minute))


def sessions_for(index: int, c: dict) -> list[dict]:
    rng = random.Random(7919 * (index + 1))
    profile = PROFILES[c["profile"]]
    hour, minute = map(int, c["hour"].split(":"))
    first = wk(c["start"], c["day"])
    last = wk(c["end"], c["day"]) if c["end"] is not None else WRITTEN_ON
    booked_until = WRITTEN_ON + BOOK_AHEAD if c["end"] is None else last
    out = []

    def add(when: datetime, status: str, note: str = "") -> None:
        out.append({"client": c["code"], "starts_at": when.isoformat(timespec="minutes"),
                    "status": status, "note": note, "source": "", "source_uid": ""})

    day, ahead = first, c.get("ahead", 0)
    while day <= booked_until:
        when = datetime.combine(day, time(hour, minute))
        w = weeks_back_of(day)
        if day > WRITTEN_ON:
            if ahead > 0:
                add(when, S)
                ahead -= 1
        elif w in c["recent"]:
            outcome = c["recent"][w]
            status, note = outcome[0], outcome[1]
            add(when, status, note)
            if status == "rescheduled":
                days, clock, new_status = outcome[2]
                add(moved_to(when, clock, days), new_status)
        elif w in HOLIDAY_WEEKS:
            add(when, "clinician_cancelled", "My holiday")
        elif day in ILL_DAYS:
            add(when, "clinician_cancelled", "I was ill")
        elif day == WRITTEN_ON:
            add(when, S)  # today's: the day's-end review records it
        elif c["end"] is None and w < HAND_WRITTEN_WEEKS:
            add(when, A)
        else:
            roll, status = rng.random(), A
            for candidate, chance in profile.items():
                if roll < chance:
                    status = candidate
                    break
                roll -= chance
            add(when, status, rng.choice(NOTES[status]))
            if status == "rescheduled":
                new_clock = rng.choice([t for t in ("08:00", "12:00", "17:00") if t != c["hour"]])
                add(moved_to(when, new_clock), A)
        day += timedelta(weeks=c["every"])
    return out


# ------------------------------------------------------------ thoughts
# (client or None, written at, kind, still lingering, something to tell them, body)

THOUGHTS = [
    # Amaan
    ("C-007", at(90, "TU", "08:30"), "insight", False, False,
     "He describes his mother as 'there but not there'. He says it lightly, as if reading from a form. "
     "The lightness is the thing to notice, not the words."),
    ("C-007", at(70, "MO", "18:10"), "curiosity", False, False,
     "What did he do with the feelings nobody asked about when he was small? He says 'I just got on "
     "with it'. Where did they go?"),
    ("C-007", at(30, "MO", "18:05"), "holding", True, False,
     "There is a grief under all that politeness that he cannot feel yet. I am holding it for him for "
     "now, and not handing it back too soon."),
    ("C-007", at(9, "SA", "10:20"), "blind_spot", True, False,
     "Tidying the living room this morning it came to me: he was trying to get my approval the way he "
     "tried with his mother. The careful summary of his week, the glance at my face when he finishes. "
     "And I have been giving it to him, a little, every time. I missed it in the room because his "
     "approval of me felt like the work going well."),
    ("C-007", at(6, "MO", "18:15"), "reaction", True, False,
     "He thanked me three times at the door. A flicker of irritation, then tenderness. Both are probably "
     "his: the wish to please, and the small boy who wanted more than pleasing."),
    ("C-007", at(3, "TU", "09:00"), "learning", True, False,
     "When he asks 'is that what you meant?', slow down instead of answering. The pause is not a "
     "withholding if I stay warm in it."),
    ("C-007", at(1, "MO", "18:20"), "insight", True, True,
     "Something to tell him I remembered: the drawings he made as a boy, which went into a drawer "
     "without being looked at. When he talks about his daughter's pictures on the fridge, I want him to "
     "know I remember the drawer."),
    ("C-007", at(0, "MO", "18:10"), "wondering", True, False,
     "I wonder what it would be like for him to disappoint me and find that nothing ends."),
    # Melanie
    ("C-025", at(11, "TH", "10:05"), "curiosity", False, False,
     "She said 'I don't really think talking changes anything' and then talked for the whole hour. "
     "Curious which part of her made the first phone call."),
    ("C-025", at(6, "TH", "08:20"), "reaction", False, False,
     "Cancellation text just before the session. Relief at having the hour back, then guilt about the "
     "relief."),
    ("C-025", at(4, "TH", "09:40"), "wondering", True, False,
     "Did not come and did not write. I wonder where she was at nine o'clock, and whether she thought of "
     "the empty chair."),
    ("C-025", at(2, "TH", "10:05"), "insight", True, False,
     "She looked exhausted and said she nearly didn't come. Her hopelessness about therapy may need to be "
     "heard before it can change: don't argue with it."),
    ("C-025", at(1, "TH", "08:20"), "reaction", True, False,
     "Another cancellation by text this morning, and no request for another time. I noticed resentment, "
     "sharp and real. I think it is a cue to her ambivalence: part of her wants to come and part of her "
     "does not believe it can help, and I am the one left holding the cancelled part."),
    # Pauline
    ("C-012", at(40, "WE", "16:30"), "insight", False, False,
     "Her anger at her sister is so much easier to feel than her sadness about her mother. Don't rush it."),
    ("C-012", at(34, "WE", "16:20"), "learning", False, False,
     "I went towards her mother's death today and she went quiet and polite. Too early. She sets the "
     "pace on the oldest losses, not me."),
    ("C-012", at(29, "WE", "17:00"), "reaction", False, False,
     "Her email: she won't be coming back, thank you for everything. Hurt, then relief, then hurt again. "
     "Nothing to do with it but notice it."),
    ("C-012", at(14, "SU", "11:30"), "wondering", False, False,
     "I wonder how Pauline is. Whether she ever took the pottery class she kept putting off, whether she "
     "and her sister are speaking."),
    ("C-012", at(1, "SU", "10:40"), "wondering", True, False,
     "Still wondering about Pauline now and then. Did the chance meeting feel like a small good ending to "
     "her too, or only an awkward moment between the shelves?"),
    # Ines
    ("C-018", at(8, "TH", "12:10"), "curiosity", False, False,
     "She mentioned her mother-in-law three times and her husband not once."),
    ("C-018", at(1, "TH", "12:10"), "curiosity", True, False,
     "She tells her husband about the midwifery course at the weekend, and left me like the end of an "
     "episode: stay tuned. I can hardly wait to hear how it went. What does my wanting say about her? "
     "Perhaps that she fears no one will wait to hear."),
    # Sanne
    ("C-021", at(12, "TH", "16:10"), "insight", False, False,
     "She used the word 'gay' about herself for the first time in the room, in passing, mid-sentence. "
     "She did not seem to notice. I did."),
    ("C-021", at(3, "TH", "16:05"), "holding", True, False,
     "Her father's silence when she told him. She says she is fine. I am holding the hurt until she "
     "wants it back."),
    ("C-021", at(2, "FR", "11:15"), "insight", True, True,
     "Something to tell her I remembered: she sang in a choir for years, before she stopped going to "
     "church. When she says she has nowhere to belong, the singing matters."),
    # Joel
    ("C-024", at(10, "TH", "19:00"), "learning", False, False,
     "Naming the shame before the anger worked better than naming the anger. He could hear it."),
    ("C-024", at(5, "TH", "19:10"), "reaction", True, False,
     "When he described shouting at the baby I felt a jolt of fear, then protectiveness: first of the "
     "baby, then of him. Bring to supervision."),
    ("C-024", at(2, "TH", "19:05"), "insight", True, False,
     "His father's temper is in the room every time he says 'I'm not like him'."),
    # Rosa
    ("C-011", at(7, "TU", "10:00"), "curiosity", True, False,
     "She is angry with God and embarrassed about it. What would it mean to let the anger be a kind of "
     "faith?"),
    ("C-011", at(2, "TU", "10:05"), "curiosity", True, True,
     "Something to tell her I remembered: her sister's birthday falls next month. She has not mentioned "
     "it. I want to see whether she does; if not, let her know I remembered."),
    # Kofi
    ("C-014", at(20, "FR", "09:10"), "learning", False, False,
     "He responds better to a plain question than to a reflection. Reflections make him feel examined."),
    ("C-014", at(4, "FR", "09:05"), "reaction", True, False,
     "I felt rushed and behind all through his session, the way he describes feeling at work. His pace "
     "is catching; it tells me what his days are like."),
    # Harriet
    ("C-015", at(6, "WE", "15:10"), "wondering", True, False,
     "Does she miss being needed more than she misses the work itself?"),
    ("C-015", at(2, "WE", "15:05"), "insight", False, False,
     "Retirement has taken away the place where she was competent. At home she feels like a guest in her "
     "husband's routine."),
    # Tom
    ("C-022", at(15, "WE", "19:00"), "learning", False, False,
     "The exercise with the racing heart went better when I did it alongside him instead of watching."),
    ("C-022", at(3, "WE", "19:05"), "curiosity", True, False,
     "What was happening at home when he had the first attack at fourteen? He skips over that year every "
     "time."),
    ("C-022", at(1, "WE", "19:00"), "insight", True, True,
     "Something to tell him I remembered: he ran his first race at school, before the panic started. "
     "When he says his body has always let him down, I can say I remember the race."),
    # Noor
    ("C-019", at(1, "MO", "17:05"), "curiosity", True, False,
     "Missed again, after months of steady work. I keep wanting to know how she is, more than I ever have "
     "with her. What does that wanting say about how low she may be?"),
    ("C-019", at(0, "MO", "16:30"), "wondering", True, False,
     "No word from her. I wonder whether a short, warm note would feel like care or like pressure."),
    # Gareth
    ("C-023", at(2, "TU", "14:00"), "curiosity", True, False,
     "Was the cancellation about the court hearing? He goes quiet every time the house comes up."),
    ("C-023", at(0, "TU", "13:10"), "reaction", True, False,
     "He rang to move the session and I felt pleased that he asked rather than vanished. Notice that "
     "pleasure: it is a low bar, and he may be clearing it for me."),
    # Priya
    ("C-026", at(4, "FR", "11:10"), "insight", True, True,
     "She manages the diagnosis the way she manages everything: lists, schedules, no help. Needing me is "
     "the frightening part, not the illness. Tell her I remembered her saying 'I don't do being looked "
     "after'."),
    # Dev
    ("C-027", at(0, "MO", "11:05"), "insight", True, False,
     "He said his friend 'was' and then 'is' in the same sentence. Grief doesn't keep to its tenses."),
    ("C-027", at(0, "MO", "19:30"), "holding", True, False,
     "He talked about his friend's death as if reading the news. After he left I sat with a heaviness "
     "that was not mine: the grief he cannot feel yet. I will carry it until he can."),
    # Graduates
    ("C-003", at(71, "WE", "11:00"), "learning", False, False,
     "The planned ending went as planned. He named what he is taking with him before I could. How much "
     "of ending well depends on starting to talk about it early."),
    ("C-003", at(25, "SU", "09:30"), "wondering", False, False,
     "I wonder whether Olu went back to coaching the youth team, as he said he might once he had work "
     "again."),
    ("C-005", at(41, "FR", "12:05"), "reaction", False, False,
     "She decided to stop today, kindly and firmly. I wanted one more session to 'tie things up'. That "
     "wish is mine, not hers."),
    ("C-005", at(19, "SU", "10:00"), "wondering", True, False,
     "I wonder how her mother is settling in the care home, and whether Agnes is sleeping."),
    ("C-009", at(49, "TU", "17:05"), "learning", False, False,
     "Last session. He thanked me for not letting him make it a project. A planned ending let us both say "
     "goodbye properly."),
    ("C-016", at(22, "TH", "13:05"), "learning", False, False,
     "A mutual ending: we both knew, and said so in the same session. Worth noting how quiet a good "
     "ending is."),
    ("C-016", at(9, "SU", "18:00"), "wondering", False, False,
     "Thought of Yuki when I heard a choir rehearsing through a church door. I hope she kept singing."),
    # My own practice
    (None, at(48, "WE", "17:30"), "reaction", False, False,
     "Relief at the holiday, and guilt about the relief. Both ordinary. Rest is part of the work."),
    (None, at(5, "FR", "17:30"), "learning", True, False,
     "Four sessions on the long clinic day, back to back, is too many: I am less warm by the last hour. "
     "Keep a gap after the late morning session."),
    (None, at(3, "SU", "10:00"), "wondering", True, False,
     "Am I too quick to fill silences when I am tired? Pay attention this month to how I end sessions."),
    (None, at(1, "SA", "09:30"), "learning", True, False,
     "The resentment, the pull to approve, the wish to rescue: most of what I noticed in myself this "
     "month turned out to be information about someone else. Keep writing it down the same day."),
]

# Whose feeling each reaction is, and its feeling words: (client, written at) -> (whose, feelings).
REACTIONS = {
    ("C-007", at(6, "MO", "18:15")): ("theirs", "irritation, tenderness"),
    ("C-025", at(6, "TH", "08:20")): ("not_sure", "relief, guilt"),
    ("C-025", at(1, "TH", "08:20")): ("both", "resentment"),
    ("C-012", at(29, "WE", "17:00")): ("mine", "hurt, relief"),
    ("C-012", at(33, "WE", "15:20")): ("mine", "relief, guilt"),  # among ESSAY_THOUGHTS
    ("C-024", at(5, "TH", "19:10")): ("not_sure", "fear, protectiveness"),
    ("C-014", at(4, "FR", "09:05")): ("theirs", "rushed, behind"),
    ("C-023", at(0, "TU", "13:10")): ("not_sure", "pleased"),
    ("C-005", at(41, "FR", "12:05")): ("mine", "reluctance to let go"),
    (None, at(48, "WE", "17:30")): ("mine", "relief, guilt"),
    (None, at(6, "FR", "18:00")): ("mine", "the ache of endings"),  # among ESSAY_THOUGHTS (issue 15)
}


def thought_record(who: str | None, when: datetime, kind: str, lingering: bool, tell: bool, body: str) -> dict:
    record = {"client": who, "written_at": moment(when), "kind": kind, "lingering": lingering,
              "tell_client": tell, "body": body}
    if kind == "reaction":
        whose, feelings = REACTIONS[(who, when)]
        record.update(whose=whose, feelings=feelings)
    return record


# ------------------------------------------------------------ questions
# (client or None, asked at, status, body, answer, closed at)

QUESTIONS = [
    ("C-007", at(40, "MO", "18:30"), "answered", "Did he go to his mother's birthday in the end?",
     "He went, stayed an hour and left before the cake. 'She asked about my job, not about me.'",
     at(39, "MO", "18:00")),
    ("C-007", at(60, "MO", "18:15"), "dropped", "Ask about his brother: is there more there?", "",
     at(55, "MO", "18:10")),
    ("C-007", at(9, "MO", "18:20"), "answered",
     "Ask what he imagines I think of him when he leaves the room.",
     "'That I did it right.' Then, after a pause: 'Or that I'm boring you.' The first worry about us he "
     "has said out loud.", at(8, "MO", "18:05")),
    ("C-007", at(1, "MO", "18:25"), "open",
     "He packs up before I do, every time. Ask what he is saving me from.", "", None),
    ("C-007", at(0, "MO", "18:15"), "open",
     "Talk about the break coming up in a few weeks. He usually mentions breaks only after them.", "",
     None),
    ("C-025", at(7, "TH", "10:00"), "answered", "Is the early time hard because of the school run?",
     "No, she said. 'It's not the time, it's me.'", at(5, "TH", "10:00")),
    ("C-025", at(4, "TH", "09:50"), "open",
     "Ask what she hoped for when she first rang, and whether any of that hope is still there.", "",
     None),
    ("C-025", at(1, "TH", "08:30"), "open",
     "Ask plainly whether she wants to keep this time. Not as a threat: a real question, with room for "
     "'no' or 'less often'.", "", None),
    ("C-018", at(6, "TH", "12:10"), "answered", "Did she send the application for the midwifery course?",
     "Yes, and she has an interview. She has not told her husband yet.", at(5, "TH", "12:00")),
    ("C-018", at(1, "TH", "12:20"), "open",
     "Did her husband take the news well? Ask how the conversation about the midwifery course went.",
     "", None),
    ("C-011", at(12, "TU", "10:05"), "answered", "Did she go to the grave with her brother?",
     "She went alone in the end, and said it was better that way.", at(11, "TU", "10:00")),
    ("C-014", at(8, "FR", "09:05"), "dropped", "Ask about the promotion interview.", "",
     at(4, "FR", "09:00")),
    ("C-015", at(2, "WE", "15:10"), "open",
     "Ask what a good ordinary day would look like for her now, not a busy one.", "", None),
    ("C-022", at(10, "WE", "19:05"), "dropped", "Suggest the check-up with his doctor again?", "",
     at(7, "WE", "19:00")),
    ("C-021", at(4, "TH", "16:10"), "answered", "Has she told her sister yet?",
     "Yes. Her sister cried and then laughed and said she had always known. Sanne did not know what to "
     "do with being known.", at(3, "TH", "16:00")),
    ("C-024", at(2, "TH", "19:10"), "open",
     "Ask whether he has told his partner how frightened he was after the shouting.", "", None),
    ("C-019", at(1, "MO", "17:10"), "open",
     "Does this time still work now she is back at work? Offer another if not.", "", None),
    ("C-023", at(0, "TU", "13:15"), "open",
     "Ask about the court hearing, and whether the drinking has changed since the separation.", "", None),
    ("C-026", at(6, "FR", "11:05"), "answered", "Who goes with her to the hospital appointments?",
     "Nobody. She drives herself, even after the infusions. We stayed with that for a while.",
     at(5, "FR", "11:00")),
    ("C-027", at(0, "MO", "11:10"), "open",
     "Ask whether he wants to go to the memorial, or whether it is expected of him.", "", None),
    ("C-012", at(29, "WE", "17:10"), "dropped",
     "Write to Pauline once more, offering a closing session?", "", at(27, "WE", "09:00")),
    ("C-005", at(44, "FR", "12:10"), "answered", "Has the care home place come through?",
     "Yes. Her mother moves in next month. Relief and grief in the same breath.",
     at(43, "FR", "12:00")),
    (None, at(20, "MO", "08:30"), "answered", "Find a peer group for work on endings?",
     "Joined the monthly peer group. The first meeting was useful and kind.", at(16, "MO", "08:30")),
    (None, at(1, "SA", "09:45"), "open",
     "Ask at supervision: do I need a policy for repeated cancellations, or is that my resentment talking?",
     "", None),
]

# ------------------------------------------------------------ encounters with graduates

# (client, day, what happened, what it stirred in me, what it taught me)
ENCOUNTERS = [
    ("C-009", wk(12, "TU"),
     "A card from Marcus: his daughter was born, both well. He wrote that he talks to her 'the way I "
     "wished Dad had talked to me'.",
     "It made me happier than I expected. I noticed how much I had wanted this one to go well.",
     "Twice ending with him, once too soon and once in time: the second ending is in his card."),
    ("C-012", wk(6, "SA"),
     "Met Pauline by chance in the bookshop on the high street. She said hello first, warmly. She is "
     "doing well: she has started the pottery class, and she and her sister are 'on speaking terms, "
     "mostly'. Brief and friendly. I said I was glad to see her, and meant it.",
     "Seeing her look well and sure of herself, something in me relaxed that I had not known was still "
     "tight since the email.",
     "An ending without a last session can still be a good enough ending. The goodbye I wanted was mine."),
    ("C-003", wk(20, "SA"),
     "Passed Olu in the park, in a tracksuit with a whistle round his neck, shouting encouragement at a "
     "team of ten-year-olds. We nodded to each other. He looked happy.",
     "Pride, and a little wistfulness at not being part of it.",
     ""),
]

# ------------------------------------------------------------ supervision

SUPERVISION = [
    {
        "held_on": wk(4, "TH"),
        "notes": "Brought three cases. The common thread was what my own reactions are telling me. "
                 "Suggestion: write reactions down the same day, before they get tidied into theory. "
                 "Next time: Joel, and Melanie again.",
        "items": [
            ("C-007",
             "He seeks my approval the way he sought his mother's. How do I respond without either "
             "giving it or coldly withholding it?",
             "Treat it as something to understand together, not a problem to fix. Name it gently when it "
             "is alive in the room, and notice my own pull to reassure.",
             "Named it when he asked whether he had 'done it right'. He went quiet, then said 'that's "
             "what I did with Mum'. A real moment; we have come back to it twice since."),
            ("C-025",
             "I feel resentful when she cancels. Is that mine, or hers?",
             "Probably both. Use it as information about her ambivalence. Raise the cancelling directly "
             "and without punishment, and offer her a real choice about the time.",
             "Asked whether the time still suits her. She said she didn't know, and cancelled the "
             "following week. Still open."),
            ("C-012",
             "I met a former client by chance. Did I hold the boundary well, and is there anything to do "
             "now?",
             "A warm, brief hello was right. Nothing more to do: let her have the ending she chose. "
             "Notice what the meeting stirred in me.",
             "Left it there. It helped to hear that the ending was hers to make."),
        ],
    },
]


# ------------------------------------------------------------ my breaks (issue 15)


def my_breaks() -> list[dict]:
    """My own breaks, recorded once: every holiday fortnight, the day I was ill, and the winter break ahead.

    The sessions that fall in them say nothing about any client's attendance.
    """
    weeks = sorted(HOLIDAY_WEEKS, reverse=True)
    pairs = [(weeks[i], weeks[i + 1]) for i in range(0, len(weeks), 2)]  # each holiday is two weeks running
    breaks = [{"starts_on": wk(first, "MO").isoformat(), "ends_on": wk(last, "SU").isoformat(), "word": "holiday"}
              for first, last in pairs]
    breaks += [{"starts_on": day.isoformat(), "ends_on": day.isoformat(), "word": "ill"} for day in sorted(ILL_DAYS)]
    breaks.append({"starts_on": wk(-4, "MO").isoformat(), "ends_on": wk(-5, "SU").isoformat(), "word": "holiday"})
    return sorted(breaks, key=lambda b: b["starts_on"])


# ------------------------------------------------------------ the essay's three stories (issue 15)
#
# Told as the essay tells them: Melanie, cancelling from the start, her father, looking to me for
# direction; Pauline, ending abruptly with her goals not reached as she intended, met by chance while
# I was in the middle of my own move, having stepped forward in ways we had never spoken about; Noor's
# change after a year (in CLIENTS) and Gareth's gap that is not an absence (in CLIENTS and my_breaks).

PAULINE_REFLECTION = {
    "not_helped": "She ended by email, before the settlement she came to get through was reached the way she "
                  "intended. I never learned what made her stop, and I did not get to say goodbye.",
    "i_learned": "Endings are not always mine to shape: a short thank-you email can be an ending too. And the "
                 "work goes on after the door closes: she stepped forward in ways we had never spoken about.",
}
# (client, written at): the new body of a thought, or None where the essay's story has no such thought.
RETOLD_THOUGHTS = {
    ("C-012", at(34, "WE", "16:20")):
        "She talks about the settlement as the whole point of coming. I wonder whether she is measuring the "
        "work only by that, and what happens to the rest if it goes the way she fears.",
    ("C-012", at(6, "SA", "13:10")):
        "Seeing her in the bookshop today, in the middle of my own move: she looked well and sure of herself. "
        "Something in me relaxed that I had not known was still tight since the email.",
}
RETOLD_SESSION_NOTES = {("C-012", at(34, "WE", "15:00")): "The settlement again; little else"}
ESSAY_THOUGHTS = [
    ("C-025", at(9, "TH", "10:10"), "insight", True, False,
     "She spoke about her father for the first time: never there when she needed him, and never said why. "
     "The cancelling may be that too: leaving before she can be left."),
    ("C-025", at(5, "TH", "10:05"), "curiosity", True, False,
     "She looked to me for direction all hour: 'what should I do?'. When I did not tell her, she went quiet. "
     "Does she come for an answer, the one her father never gave?"),
    # The essay's "relief, then guilt, after three cancellations": Melanie's, Pauline's, and my own holiday.
    ("C-012", at(33, "WE", "15:20"), "reaction", False, False,
     "Her text came an hour before we were due: a headache. Relief first, an hour back on a long day; then "
     "guilt at the relief, as if I had wished her away. She has been so careful with me lately. Notice whether "
     "I am glad when she does not come, and what the gladness is about."),
    (None, at(6, "FR", "18:00"), "reaction", False, False,
     "Packing up the old room this week. Endings everywhere: the room, and the clients who will not follow "
     "me to the new place. Notice how this colours the last sessions before the move."),
]
PAULINE_MET = ("Met Pauline by chance in the bookshop on the high street, the week I was packing up the old "
               "room. She said hello first, warmly. She has moved forward in ways we had never spoken about: a "
               "new job, and singing in a choir. The settlement she came about is still not what she "
               "wanted. Brief and friendly. I said I was glad to see her, and meant it.")


def essay_stories(doc: dict) -> None:
    """Retell Melanie's and Pauline's stories as the essay tells them, in the document `build` made."""
    for client in doc["clients"]:
        if client["code"] == "C-012":
            for holder in [client, *client.get("episodes", [])]:  # wherever the closing reflection is kept
                if isinstance(holder.get("reflection"), dict) and holder.get("reflection", {}).get("not_helped"):
                    holder["reflection"].update(PAULINE_REFLECTION)
    for a in doc["appointments"]:
        key = (a["client"], datetime.fromisoformat(a["starts_at"]))
        if key in RETOLD_SESSION_NOTES:
            a["note"] = RETOLD_SESSION_NOTES[key]
    for t in doc["thoughts"]:
        key = (t["client"], datetime.fromisoformat(t["written_at"]))
        if key in RETOLD_THOUGHTS:
            t["body"] = RETOLD_THOUGHTS[key]
    doc["thoughts"] += [thought_record(*t) for t in ESSAY_THOUGHTS]  # a reaction says whose (REACTIONS)
    doc["thoughts"].sort(key=lambda t: t["written_at"])
    for e in doc["encounters"]:
        if e["client"] == "C-012":
            e["body"] = PAULINE_MET


# ------------------------------------------------------------ before the session (issue 14)

# Things to tell them I remembered (with the cue that would prompt each) and dates that matter,
# for clients due on the demo's day: `caseload today --demo` shows them all.
# (client, written at, kind, still lingering, body, cue)
TELL_THEM = [
    ("C-025", at(1, "TH", "08:40"), "insight", True,  # a memory to tell her: not a holding (issue 17)
     "Something to tell her I remembered: in the first session she said the only place she felt calm "
     "as a child was her grandmother's allotment, among the bean rows.",
     "if she says again that nothing ever grows for her"),
]
# (client, day it falls on, every year, note): within the two weeks after the demo's day.
DATES = [
    ("C-025", (WRITTEN_ON + timedelta(days=5)).replace(year=WRITTEN_ON.year - 3), True,
     "Anniversary of her father's death; she mentioned it once, in passing."),
    ("C-018", WRITTEN_ON + timedelta(days=9), False, "The midwifery course interview."),
]


def before_the_session(doc: dict) -> None:
    """Add this section's thoughts (with their cues) and dates to the document (the safety concerns are
    marked in add_supervision_log)."""
    for who, when, kind, lingering, body, cue in TELL_THEM:
        doc["thoughts"].append({"client": who, "written_at": moment(when), "kind": kind, "lingering": lingering,
                                "tell_client": True, "body": body, "cue": cue})
    doc["thoughts"].sort(key=lambda t: t["written_at"])
    doc["dates"] = [{"client": who, "falls_on": day.isoformat(), "yearly": yearly, "note": note}
                    for who, day, yearly, note in DATES]


# ------------------------------------------------------------ putting it together


def moment(value: datetime | None) -> str | None:
    return value.isoformat(timespec="minutes") if value is not None else None


def build() -> dict:
    appointments = []
    for index, c in enumerate(CLIENTS):
        appointments += sessions_for(index, c)
    appointments.sort(key=lambda a: (a["starts_at"], a["client"]))

    thoughts = [thought_record(*t) for t in sorted(THOUGHTS, key=lambda t: t[1])]
    questions = [
        {"client": who, "asked_at": moment(asked), "status": status, "body": body, "answer": answer,
         "closed_at": moment(closed)}
        for who, asked, status, body, answer, closed in sorted(QUESTIONS, key=lambda q: q[1])
    ]
    encounters = [{"client": who, "happened_on": when.isoformat(), "body": body, "stirred": stirred, "taught": taught}
                  for who, when, body, stirred, taught in sorted(ENCOUNTERS, key=lambda e: e[1])]
    supervision = [
        {"held_on": s["held_on"].isoformat(), "notes": s["notes"], "items": [
            {"client": who, "question": q, "advice": advice, "outcome": outcome}
            for who, q, advice, outcome in s["items"]]}
        for s in SUPERVISION
    ]
    doc = {
        "format": "caseload-tui",
        "version": 1,
        "written_on": WRITTEN_ON.isoformat(),
        "clients": [client_record(c) for c in CLIENTS],
        "appointments": appointments,
        "thoughts": thoughts,
        "questions": questions,
        "encounters": encounters,
        "supervision": supervision,
        "breaks": my_breaks(),
    }
    essay_stories(doc)
    add_supervision_log(doc)
    before_the_session(doc)
    check(doc)
    return doc


# ------------------------------------------------------------ the supervision log (issue 16)
# Kept apart from the tables above, which other parts of the work also add to.

SUPERVISOR = "Helen Achebe"  # made up, as everyone here is
PEER_GROUP = "Peer group on endings"
# Earlier supervisions, for the log: (weeks back, weekday, supervisor, minutes, setting, codes of the cases).
EARLIER_SUPERVISION = [
    (50, "TH", SUPERVISOR, 90, "individual", ["C-007", "C-012"]),
    (45, "TH", SUPERVISOR, 90, "individual", ["C-005", "C-009"]),
    (41, "TH", SUPERVISOR, 90, "individual", ["C-012", "C-016"]),
    (37, "TH", SUPERVISOR, 90, "individual", ["C-007", "C-012"]),
    (32, "TH", SUPERVISOR, 60, "individual", ["C-012"]),  # cut short: that month falls short of 1.5 hours
    (28, "TH", SUPERVISOR, 90, "individual", ["C-024", "C-016"]),
    (24, "TH", SUPERVISOR, 90, "individual", ["C-007", "C-019"]),
    (19, "TH", SUPERVISOR, 90, "individual", ["C-024", "C-015"]),
    (16, "MO", PEER_GROUP, 120, "group", []),  # the monthly peer group, joined then (see QUESTIONS)
    (13, "TH", SUPERVISOR, 90, "individual", ["C-007", "C-025"]),
    (12, "MO", PEER_GROUP, 120, "group", ["C-012"]),
    (9, "TH", SUPERVISOR, 90, "individual", ["C-025", "C-026"]),
    (7, "MO", PEER_GROUP, 120, "group", []),
]
# The thought I flagged to bring, and the notes marked as a safety concern: (code, start of the body).
FLAGGED_TO_BRING = [("C-024", "When he described shouting at the baby")]
SAFETY_MARKS = [("C-024", "When he described shouting at the baby", "safeguarding"),
                ("C-019", "Missed again, after months of steady work", "risk_to_self")]


def add_supervision_log(doc: dict) -> None:
    """Who each supervision was with, how long and in what setting; earlier ones for the log;
    the thought flagged to bring; the safety concerns that lead the brief."""
    for meeting in doc["supervision"]:
        meeting.update(supervisor=SUPERVISOR, minutes=90, setting="individual")
    for weeks, day, who, minutes, setting, codes in EARLIER_SUPERVISION:
        doc["supervision"].append({"held_on": wk(weeks, day).isoformat(), "notes": "", "supervisor": who,
                                   "minutes": minutes, "setting": setting,
                                   "items": [{"client": code, "question": "", "advice": "", "outcome": ""}
                                             for code in codes]})
    doc["supervision"].sort(key=lambda m: m["held_on"])

    def thought(code: str, starts: str) -> dict:
        found = [t for t in doc["thoughts"] if t["client"] == code and t["body"].startswith(starts)]
        assert len(found) == 1, (code, starts)
        return found[0]

    for code, starts in FLAGGED_TO_BRING:
        thought(code, starts)["bring_to_supervision"] = True
    for code, starts, concern in SAFETY_MARKS:
        note = thought(code, starts)
        note["safety"] = {"concern": concern, "marked_at": note["written_at"], "resolved_at": None}


def check(doc: dict) -> None:
    """Catch slips in the tables above; the app's own parser is the real validator."""
    codes = {c["code"] for c in doc["clients"]}
    assert len(codes) == len(doc["clients"]), "client codes must be unique"
    ended = {c["code"]: c["ended_on"] for c in doc["clients"]}
    now = moment(NOW)
    for a in doc["appointments"]:
        assert a["client"] in codes, a
        assert "08:00" <= a["starts_at"][11:] <= "19:00", a
        assert datetime.fromisoformat(a["starts_at"]).weekday() < 5, a
        if ended[a["client"]]:
            assert a["starts_at"][:10] <= ended[a["client"]], a
        if a["starts_at"] > now:
            assert a["status"] == S, a
    for t in doc["thoughts"]:
        assert t["client"] is None or t["client"] in codes, t
        assert t["written_at"] <= now, t
    for q in doc["questions"]:
        assert q["client"] is None or q["client"] in codes, q
        assert (q["closed_at"] is None) == (q["status"] == "open"), q
        assert q["closed_at"] is None or q["asked_at"] <= q["closed_at"] <= now, q
        assert bool(q["answer"]) == (q["status"] == "answered"), q
    for e in doc["encounters"]:
        assert ended[e["client"]] and e["happened_on"] > ended[e["client"]], e
    statuses = {a["status"] for a in doc["appointments"]}
    assert statuses == {S, A, L, C, LC, NS, "clinician_cancelled", "rescheduled"}, statuses
    kinds = {t["kind"] for t in doc["thoughts"]}
    assert kinds == {"insight", "blind_spot", "curiosity", "holding", "reaction", "wondering", "learning"}, kinds
    assert all(("whose" in t) == (t["kind"] == "reaction") for t in doc["thoughts"]), "every reaction says whose"


def main() -> None:
    doc = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(doc, indent=2, ensure_ascii=True) + "\n", encoding="ascii")
    print(f"wrote {OUT} ({len(doc['clients'])} clients, {len(doc['appointments'])} sessions, "
          f"{len(doc['thoughts'])} thoughts, {len(doc['questions'])} questions)")


if __name__ == "__main__":
    main()
