"""Articles to proposals: read a news article, find the entities and relationships it states, and
write them as a proposal for a person to review (`ckg extract`, `ckg review`).

The pieces, each one job: :mod:`.article` (text, Markdown, HTML), :mod:`.base` (the extractor
interface), :mod:`.rules` (the rule-based extractor and its rule modules), :mod:`.amounts`
(money and dates), :mod:`.proposal` (the proposal file), :mod:`.driver` (one article against a
store).
"""
