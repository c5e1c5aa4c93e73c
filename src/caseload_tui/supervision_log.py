"""The supervision log: each supervision held, with its supervisor, date, length, individual or
group, and the cases brought (by code); totals by month, by year and since a start date,
against a monthly minimum.

What a licensing board or an accrediting body asks to see (BACP, for one, asks accredited
members for an up-to-date record with at least 1.5 hours a month; US trainees count hours
towards a licensure total). Cases appear by their codes only: the log may be shown to an
auditor. As Markdown for reading, or CSV (one row a meeting) for a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from .brief import inline
from .interchange.csv_export import cell
from .model import Client, Setting, SupervisionMeeting
from .model.counting import numbered

CSV_HEADER = ["date", "supervisor", "minutes", "hours", "individual or group", "cases brought"]


@dataclass(frozen=True)
class Entry:
    """One supervision held, as the log lists it."""

    held_on: date
    supervisor: str
    minutes: int
    setting: Setting
    cases: tuple[str, ...]  # the codes of the cases brought


@dataclass(frozen=True)
class MonthTotal:
    month: date  # its first day
    meetings: int
    minutes: int
    shortfall: int  # minutes short of the monthly minimum (0: met)


@dataclass(frozen=True)
class Log:
    entries: list[Entry]  # oldest first
    months: list[MonthTotal]  # every month from the start to today's, none left out
    years: list[tuple[int, int, int]]  # (year, meetings, minutes)
    start: date
    today: date
    minimum: int  # the monthly minimum in minutes (0: none)

    @property
    def minutes(self) -> int:
        return sum(e.minutes for e in self.entries)

    def minutes_of(self, setting: Setting) -> int:
        return sum(e.minutes for e in self.entries if e.setting is setting)


def build_log(meetings: list[SupervisionMeeting], clients: list[Client], today: date,
              since: date | None = None, minimum: int = 0) -> Log:
    """The log of the supervisions held from `since` (or the first one) to today."""
    codes = {c.id: c.code for c in clients}
    held = sorted((m for m in meetings
                   if not m.planned and m.held_on <= today and (since is None or m.held_on >= since)),
                  key=lambda m: (m.held_on, m.id or 0))
    entries = [Entry(m.held_on, m.supervisor, m.minutes, m.setting,
                     tuple(dict.fromkeys(codes[i.client_id] for i in m.items if i.client_id in codes)))
               for m in held]
    start = since or (entries[0].held_on if entries else today)
    months = []
    month = start.replace(day=1)
    while month <= today:
        these = [e for e in entries if e.held_on.replace(day=1) == month]
        minutes = sum(e.minutes for e in these)
        months.append(MonthTotal(month, len(these), minutes, max(0, minimum - minutes)))
        month += relativedelta(months=1)
    years = sorted({e.held_on.year for e in entries})
    by_year = [(y, sum(1 for e in entries if e.held_on.year == y),
                sum(e.minutes for e in entries if e.held_on.year == y)) for y in years]
    return Log(entries, months, by_year, start, today, minimum)


def duration(minutes: int, none: str = "not recorded") -> str:
    """'1 h 30 min', '45 min', '2 h'; `none` for 0."""
    if minutes <= 0:
        return none
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def as_csv(log: Log) -> str:
    """One row a meeting, for a spreadsheet (formulas defused, as every CSV export is)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for e in log.entries:
        writer.writerow([cell(e.held_on), cell(e.supervisor), cell(e.minutes), f"{e.minutes / 60:.2f}",
                         e.setting.label, cell("; ".join(e.cases))])
    return buffer.getvalue()


def as_markdown(log: Log) -> str:
    """The log for reading: the meetings, then the totals by month (with any shortfall) and year."""
    out = ["# Supervision log", "",
           f"From {log.start:%-d %B %Y} to {log.today:%-d %B %Y}: {_meetings(len(log.entries))}, "
           f"{total(log.minutes)} in all ({total(log.minutes_of(Setting.INDIVIDUAL))} individual, "
           f"{total(log.minutes_of(Setting.GROUP))} in a group).", ""]
    if log.minimum:
        short_months = [m for m in log.months if m.shortfall]
        met = (f"Short of it in {len(short_months)} of {numbered(len(log.months), 'month')}." if short_months
               else "Met every month.")
        out += [f"Monthly minimum: {duration(log.minimum)}. {met}", ""]
    out += ["## Meetings", ""]
    if not log.entries:
        out += ["No supervision recorded in this time.", ""]
    else:
        out += ["| Date | Supervisor | Length | Individual or group | Cases brought |", "|---|---|---|---|---|"]
        out += [f"| {e.held_on:%-d %b %Y} | {_cell(e.supervisor) or 'not recorded'} | {duration(e.minutes)} | "
                f"{e.setting.label} | {_cell(', '.join(e.cases)) or 'none'} |" for e in log.entries]
        out.append("")
    out += ["## By month", "", "| Month | Meetings | Time | Short of the minimum |", "|---|---|---|---|"]
    for m in log.months:
        short = duration(m.shortfall) if m.shortfall else "none"
        if m.month == log.today.replace(day=1) and m.shortfall:
            short += " (so far)"
        out.append(f"| {m.month:%B %Y} | {m.meetings} | {total(m.minutes)} | "
                   f"{short if log.minimum else '–'} |")
    out += ["", "## By year", "", "| Year | Meetings | Time |", "|---|---|---|"]
    out += [f"| {year} | {count} | {total(minutes)} |" for year, count, minutes in log.years]
    return "\n".join(out) + "\n"


def total(minutes: int) -> str:
    return duration(minutes, none="0 h")


def _cell(text: str) -> str:
    return inline(text)


def _meetings(n: int) -> str:
    return numbered(n, "meeting")
