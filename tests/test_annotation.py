"""Tests of `quotes.annotation`: pre-annotations for Label Studio, Prodigy and brat, and gold back.

Each tool's files are checked against its documented import format: Label
Studio's by its own SDK's validator where the ``tools`` tox environment
installs it, Prodigy's and brat's by the rules their documentation states.
"""

from __future__ import annotations

import doctest
import json
import re
from pathlib import Path

import pytest

import quotes
import quotes.annotation
import quotes.annotation.layers
from quotes.annotation import FORMATS, brat, export, gold_record, import_gold, label_studio
from quotes.annotation.layers import KIND_LABELS, LABELS, RELATIONS
from quotes.errors import AnnotationError
from quotes.evaluate import load_gold

Documents = list[tuple[str, str, list[quotes.Quote]]]

SAID = "“We are ready,” Peskov said. He added: “We will wait.”\n\nThe Kremlin said talks could resume."


@pytest.fixture(scope="module")
def corpus(seed_texts: dict[str, str], devnews_texts: dict[str, str]) -> Documents:
    """The seeds and the development set with the library's quotations."""
    texts = seed_texts | devnews_texts
    return [(name, text, quotes.extract(text)) for name, text in sorted(texts.items())]


def expected(documents: Documents) -> list[dict]:
    """The library's quotations as gold records, document by document, ordered by offset."""
    return [
        record
        for name, text, found in documents
        for record in sorted(
            (gold_record(name, text, q) for q in found), key=lambda r: (r["start"], r["end"])
        )
    ]


def test_examples_in_the_docstrings_run() -> None:
    """The modules' examples are right."""
    assert doctest.testmod(quotes.annotation).failed == 0
    assert doctest.testmod(quotes.annotation.layers).failed == 0


class TestRoundTrip:
    """Export, then import without edits: exactly the library's quotations, as gold.

    Label Studio and Prodigy leave out tasks nobody annotated unless asked
    (``predictions=True``), which is how an export is read back unedited.
    """

    @pytest.mark.parametrize("form", FORMATS)
    def test_seeds_and_devnews(self, form: str, corpus: Documents, tmp_path: Path) -> None:
        """Every quotation of 45 articles comes back with its span, kind, speaker, mention and cue."""
        export(corpus, form, tmp_path)
        assert import_gold(form, tmp_path, predictions=True) == expected(corpus)

    @pytest.mark.parametrize("form", ["label-studio", "prodigy"])
    def test_tasks_nobody_annotated_are_no_gold(self, form: str, corpus: Documents, tmp_path: Path) -> None:
        """By default only annotated tasks count: an unedited export gives no gold at all."""
        export(corpus, form, tmp_path)
        assert import_gold(form, tmp_path) == []

    def test_a_lone_surrogate_is_written_as_a_replacement_character(self, tmp_path: Path) -> None:
        """No file holds a lone surrogate; U+FFFD takes its place, one for one, so offsets hold."""
        text = "\ud800 " + SAID
        documents = [("odd.txt", text, quotes.extract(text))]
        for form in FORMATS:
            export(documents, form, tmp_path / form)
            records = import_gold(form, tmp_path / form, predictions=True)
            assert [(r["start"], r["end"]) for r in records] == [
                (r["start"], r["end"]) for r in expected(documents)
            ]

    @pytest.mark.parametrize("form", FORMATS)
    def test_text_outside_the_basic_plane(self, form: str, tmp_path: Path) -> None:
        """Emoji before a quotation (two UTF-16 units, one Python character) shift no offset."""
        text = "🇺🇦 " + SAID
        documents = [("emoji.txt", text, quotes.extract(text))]
        export(documents, form, tmp_path)
        assert import_gold(form, tmp_path, predictions=True) == expected(documents)

    def test_label_studio_counts_code_points(self, tmp_path: Path) -> None:
        """Label Studio's offsets are code points, as Python's: an emoji before a span counts one."""
        text = "🐱 " + SAID
        export([("cat.txt", text, quotes.extract(text))], "label-studio", tmp_path)
        [task] = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
        first = task["predictions"][0]["result"][0]["value"]
        assert (first["start"], first["end"]) == (3, 16)
        assert text[3:16] == first["text"] == "We are ready,"

    @pytest.mark.parametrize("form", FORMATS)
    def test_a_quotation_over_two_paragraphs(self, form: str, tmp_path: Path) -> None:
        """A span with a line break inside (brat writes it in fragments) comes back whole."""
        text = "“We are ready.\n\nWe will wait,” Peskov said."
        start, end = 1, text.index("”")
        quote = quotes.Quote(text[start:end], start, end, speaker=quotes.Speaker("Dmitry Peskov"))
        documents = [("lines.txt", text, [quote])]
        export(documents, form, tmp_path)
        assert import_gold(form, tmp_path, predictions=True) == expected(documents)

    @pytest.mark.parametrize("form", FORMATS)
    def test_other_line_ends_inside_a_quotation(self, form: str, tmp_path: Path) -> None:
        """U+2028 and a form feed end lines for str.splitlines: they cut no brat line in two."""
        text = "“We are ready\u2028to talk,\x0cnow,” Peskov said."
        start, end = 1, text.index("”")
        documents = [("sep.txt", text, [quotes.Quote(text[start:end], start, end)])]
        export(documents, form, tmp_path)
        assert import_gold(form, tmp_path, predictions=True) == expected(documents)

    @pytest.mark.parametrize("form", FORMATS)
    def test_the_records_are_valid_gold(self, form: str, corpus: Documents, tmp_path: Path) -> None:
        """The imported records read as a gold file, and quote each span's own text."""
        export(corpus, form, tmp_path / "out")
        path = tmp_path / "gold.jsonl"
        records = import_gold(form, tmp_path / "out", predictions=True)
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        assert len(load_gold(path)) == len(records)
        texts = {name: text for name, text, _ in corpus}
        assert all(texts[r["doc"]][r["start"] : r["end"]] == r["quote"] for r in records)

    def test_unknown_format(self, tmp_path: Path) -> None:
        """A tool the library does not know is named with the ones it does."""
        with pytest.raises(
            ValueError, match="unknown annotation format 'doccano'; expected one of label-studio"
        ):
            export([], "doccano", tmp_path)


class TestCorrections:
    """What an annotator changes comes back as gold."""

    @pytest.fixture
    def one(self) -> Documents:
        return [("a.txt", SAID, quotes.extract(SAID))]

    def test_brat_relabel_rename_and_delete(self, one: Documents, tmp_path: Path) -> None:
        """In the .ann: a quotation relabelled, a speaker renamed in its note, another quotation deleted."""
        export(one, "brat", tmp_path)
        ann = tmp_path / "a.ann"
        lines = ann.read_text(encoding="utf-8").splitlines()
        lines = [line.replace("Direct", "Mixed", 1) if line.startswith("T1\t") else line for line in lines]
        lines = [
            re.sub(r"(AnnotatorNotes T\d+\t)Dmitry Peskov", r"\1Dmitry S. Peskov", line) for line in lines
        ]
        lines = [line for line in lines if not line.startswith("T2\t") and "T2" not in line.split()]
        ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
        records = import_gold("brat", tmp_path)
        assert [(r["quote"], r["kind"], r["speaker"]) for r in records][:1] == [
            ("We are ready,", "partial", "Dmitry S. Peskov")
        ]
        assert "We will wait." not in [r["quote"] for r in records]

    def test_label_studio_annotation_wins_over_prediction(self, one: Documents, tmp_path: Path) -> None:
        """A task's latest annotation that was not cancelled is the gold; its prediction is not."""
        export(one, "label-studio", tmp_path)
        path = tmp_path / "tasks.json"
        tasks = json.loads(path.read_text(encoding="utf-8"))
        prediction = tasks[0]["predictions"][0]["result"]
        kept = [item for item in prediction if item.get("id") != "q1" and item.get("to_id") != "q1"]
        tasks[0]["annotations"] = [
            {"result": [], "was_cancelled": True},
            {"result": kept, "was_cancelled": False},
        ]
        path.write_text(json.dumps(tasks), encoding="utf-8")
        records = import_gold("label-studio", tmp_path)
        assert "We will wait." not in [r["quote"] for r in records]
        assert len(records) == len(one[0][2]) - 1

    def test_label_studio_name_left_empty_takes_the_mention(self, one: Documents, tmp_path: Path) -> None:
        """An annotator who clears the name box leaves the speaker as the mention's words."""
        export(one, "label-studio", tmp_path)
        path = tmp_path / "tasks.json"
        tasks = json.loads(path.read_text(encoding="utf-8"))
        result = tasks[0]["predictions"][0]["result"]
        tasks[0]["annotations"] = [{"result": [item for item in result if item["type"] != "textarea"]}]
        path.write_text(json.dumps(tasks), encoding="utf-8")
        assert import_gold("label-studio", tmp_path)[0]["speaker"] == "Peskov"

    def test_relinking_a_quotation_to_another_mention_drops_the_old_name(self, tmp_path: Path) -> None:
        """In Prodigy, where the names cannot be edited: the speaker follows the new mention's words."""
        text = '"We are ready," Peskov said, and Lavrov agreed.'
        export([("a.txt", text, quotes.extract(text))], "prodigy", tmp_path)
        path = tmp_path / "quotes.jsonl"
        task = json.loads(path.read_text(encoding="utf-8"))
        start = text.index("Lavrov")
        tokens = [t for t in task["tokens"] if t["start"] == start]
        lavrov = {
            "start": start,
            "end": start + 6,
            "token_start": tokens[0]["id"],
            "token_end": tokens[0]["id"],
        }
        lavrov["label"] = "Speaker"
        [link] = [r for r in task["relations"] if r["label"] == "speaker"]
        link["head_span"], link["head"] = lavrov, lavrov["token_end"]
        task["spans"].append(lavrov)
        task["answer"] = "accept"
        path.write_text(json.dumps(task) + "\n", encoding="utf-8")
        [record] = import_gold("prodigy", tmp_path)
        assert (record["speaker"], record["speaker_mention"]) == ("Lavrov", "Lavrov")

    def test_a_relation_drawn_backwards_still_links(self, one: Documents, tmp_path: Path) -> None:
        """A relation from the quotation to its mention (Label Studio's "left") still names the speaker."""
        export(one, "label-studio", tmp_path)
        path = tmp_path / "tasks.json"
        tasks = json.loads(path.read_text(encoding="utf-8"))
        result = tasks[0]["predictions"][0]["result"]
        for item in result:
            if item["type"] == "relation":
                item["from_id"], item["to_id"], item["direction"] = item["to_id"], item["from_id"], "left"
        tasks[0]["annotations"] = [{"result": result}]
        path.write_text(json.dumps(tasks), encoding="utf-8")
        assert import_gold("label-studio", tmp_path) == expected(one)

    def test_label_studio_export_beside_the_tasks_file(self, one: Documents, tmp_path: Path) -> None:
        """The project's export read next to tasks.json: the annotated copy counts, once."""
        export(one, "label-studio", tmp_path)
        tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
        kept = [
            i for i in tasks[0]["predictions"][0]["result"] if i.get("id") != "q1" and i.get("to_id") != "q1"
        ]
        tasks[0]["annotations"] = [{"result": kept}]
        (tmp_path / "project-1-at-2026-12-03.json").write_text(json.dumps(tasks), encoding="utf-8")
        records = import_gold("label-studio", tmp_path, predictions=True)
        assert len(records) == len(one[0][2]) - 1

    def test_a_task_whose_annotations_were_all_cancelled_is_skipped(
        self, one: Documents, tmp_path: Path
    ) -> None:
        """A skipped task is no gold, even where predictions are read."""
        export(one, "label-studio", tmp_path)
        path = tmp_path / "tasks.json"
        tasks = json.loads(path.read_text(encoding="utf-8"))
        tasks[0]["annotations"] = [{"result": [], "was_cancelled": True}]
        path.write_text(json.dumps(tasks), encoding="utf-8")
        assert import_gold("label-studio", tmp_path, predictions=True) == []

    def test_a_document_annotated_twice_is_refused(self, one: Documents, tmp_path: Path) -> None:
        """Two annotators' versions of one article cannot both be the gold: the document is named."""
        export(one, "prodigy", tmp_path)
        path = tmp_path / "quotes.jsonl"
        task = json.loads(path.read_text(encoding="utf-8"))
        task["answer"] = "accept"
        path.write_text(json.dumps(task) + "\n" + json.dumps(task) + "\n", encoding="utf-8")
        with pytest.raises(AnnotationError, match=r"annotated twice: 'a\.txt'"):
            import_gold("prodigy", tmp_path)

    def test_prodigy_rejected_tasks_are_no_gold(self, one: Documents, tmp_path: Path) -> None:
        """A task answered "reject" or "ignore" gives nothing; "accept" gives its spans."""
        export([*one, ("b.txt", SAID, quotes.extract(SAID))], "prodigy", tmp_path)
        path = tmp_path / "quotes.jsonl"
        tasks = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        tasks[0]["answer"], tasks[1]["answer"] = "accept", "reject"
        path.write_text("".join(json.dumps(t) + "\n" for t in tasks), encoding="utf-8")
        assert {r["doc"] for r in import_gold("prodigy", tmp_path)} == {"a.txt"}


class TestMalformed:
    """A file a tool could not have written is named with where and why, never a traceback."""

    def test_label_studio_not_a_list(self, tmp_path: Path) -> None:
        (tmp_path / "export.json").write_text('{"data": {}}', encoding="utf-8")
        with pytest.raises(AnnotationError, match=r"export.json: not a list of Label Studio tasks"):
            import_gold("label-studio", tmp_path)

    def test_label_studio_offsets_past_the_text(self, tmp_path: Path) -> None:
        task = {"data": {"text": "short", "doc": "a.txt"}, "annotations": [{"result": [
            {"id": "x", "type": "labels", "from_name": "label", "to_name": "text",
             "value": {"start": 2, "end": 99, "labels": ["Direct"]}}]}]}  # fmt: skip
        (tmp_path / "export.json").write_text(json.dumps([task]), encoding="utf-8")
        with pytest.raises(
            AnnotationError, match=r"export.json: task 1, result 1: offsets 2-99 are not a span"
        ):
            import_gold("label-studio", tmp_path)

    def test_prodigy_line_not_json(self, tmp_path: Path) -> None:
        (tmp_path / "db.jsonl").write_text(
            '{"text": "a", "meta": {"doc": "a.txt"}}\n{oops\n', encoding="utf-8"
        )
        with pytest.raises(AnnotationError, match=r"db.jsonl:2: not JSON"):
            import_gold("prodigy", tmp_path)

    def test_brat_entity_without_offsets(self, tmp_path: Path) -> None:
        (tmp_path / "a.txt").write_text("text", encoding="utf-8")
        (tmp_path / "a.ann").write_text("T1\tDirect\ttext\n", encoding="utf-8")
        with pytest.raises(AnnotationError, match=r"a.ann:1: T1 has no offsets"):
            import_gold("brat", tmp_path)

    def test_brat_relation_without_arguments(self, tmp_path: Path) -> None:
        (tmp_path / "a.txt").write_text("text", encoding="utf-8")
        (tmp_path / "a.ann").write_text("R1\t\n", encoding="utf-8")
        with pytest.raises(AnnotationError, match=r"a.ann:1: a relation needs a type, Arg1 and Arg2"):
            import_gold("brat", tmp_path)

    def test_label_studio_labels_not_a_list(self, tmp_path: Path) -> None:
        task = {"data": {"text": "short", "doc": "a.txt"}, "annotations": [{"result": [
            {"id": "x", "type": "labels", "from_name": "label", "to_name": "text",
             "value": {"start": 0, "end": 5, "labels": "Direct"}}]}]}  # fmt: skip
        (tmp_path / "export.json").write_text(json.dumps([task]), encoding="utf-8")
        with pytest.raises(AnnotationError, match=r"result 1: labels must be a list of strings"):
            import_gold("label-studio", tmp_path)

    def test_two_documents_of_one_name_for_any_tool(self, tmp_path: Path) -> None:
        for form in FORMATS:
            with pytest.raises(AnnotationError, match=r"two documents are named 'a\.txt'"):
                export([("a.txt", "x", []), ("a.txt", "y", [])], form, tmp_path / form)

    def test_brat_ann_without_its_text(self, tmp_path: Path) -> None:
        (tmp_path / "a.ann").write_text("", encoding="utf-8")
        with pytest.raises(AnnotationError, match=r"a.txt: cannot be read as the text of a.ann"):
            import_gold("brat", tmp_path)

    def test_brat_two_documents_of_one_name(self, tmp_path: Path) -> None:
        with pytest.raises(AnnotationError, match="not a document name brat can hold"):
            export([("a.txt", "x", []), ("a", "y", [])], "brat", tmp_path)


class TestLabelStudioFormat:
    """Label Studio's own SDK accepts the configuration and every prediction."""

    def test_config_and_predictions_validate(self, corpus: Documents, tmp_path: Path) -> None:
        """The labeling configuration is valid, each task has its text, each prediction fits the config."""
        interface_module = pytest.importorskip("label_studio_sdk.label_interface")
        interface = interface_module.LabelInterface(label_studio.CONFIG)
        interface.validate()
        export(corpus, "label-studio", tmp_path)
        tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
        for task in tasks:
            # The task's data on its own: the SDK's validate_task cannot take predictions (it calls
            # validate_prediction without one), so they are validated one by one below.
            assert interface.validate_task({"data": task["data"]})
            for prediction in task["predictions"]:
                assert interface.validate_prediction(prediction, return_errors=True) == []

    def test_the_validator_would_refuse_a_wrong_label(self, tmp_path: Path) -> None:
        """The check can fail: a label the configuration does not declare is an error."""
        interface_module = pytest.importorskip("label_studio_sdk.label_interface")
        interface = interface_module.LabelInterface(label_studio.CONFIG)
        export([("a.txt", SAID, quotes.extract(SAID))], "label-studio", tmp_path)
        prediction = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))[0]["predictions"][0]
        prediction["result"][0]["value"]["labels"] = ["Quote"]
        assert interface.validate_prediction(prediction, return_errors=True) != []

    def test_the_documented_task_shape(self, corpus: Documents, tmp_path: Path) -> None:
        """As Label Studio's import docs describe: data, predictions with result items and relations."""
        export(corpus, "label-studio", tmp_path)
        tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
        assert len(tasks) == len(corpus)
        for task in tasks:
            text = task["data"]["text"]
            ids = set()
            for item in task["predictions"][0]["result"]:
                if item["type"] == "relation":
                    assert item["direction"] == "right"
                    assert set(item["labels"]) <= set(RELATIONS)
                    assert {item["from_id"], item["to_id"]} <= ids
                    continue
                assert (item["from_name"], item["to_name"]) in {("label", "text"), ("speaker", "text")}
                value = item["value"]
                if item["type"] == "labels":
                    ids.add(item["id"])
                    assert set(value["labels"]) <= set(LABELS)
                    assert value["text"] == text[value["start"] : value["end"]]  # no text here leaves the BMP
                else:
                    assert item["type"] == "textarea"
                    assert isinstance(value["text"], list)


class TestProdigyFormat:
    """Prodigy's relations tasks as its documentation describes them."""

    def test_tokens_spans_and_relations(self, corpus: Documents, tmp_path: Path) -> None:
        """Tokens index the text; spans name the tokens they touch; relations their spans' last tokens."""
        export(corpus, "prodigy", tmp_path)
        lines = (tmp_path / "quotes.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(corpus)
        for line in lines:
            task = json.loads(line)
            text, tokens = task["text"], task["tokens"]
            assert [t["id"] for t in tokens] == list(range(len(tokens)))
            assert all(text[t["start"] : t["end"]] == t["text"] and isinstance(t["ws"], bool) for t in tokens)
            spans = task["spans"]
            for span in spans:
                assert set(span) == {"start", "end", "token_start", "token_end", "label"}
                assert span["label"] in LABELS
                first, last = tokens[span["token_start"]], tokens[span["token_end"]]
                assert first["start"] <= span["start"] < first["end"] or span["start"] == span["end"]
                assert last["start"] < span["end"] <= last["end"] or span["start"] == span["end"]
                assert span["token_start"] <= span["token_end"]
            for relation in task["relations"]:
                assert relation["label"] in RELATIONS
                assert relation["head_span"] in spans
                assert relation["child_span"] in spans
                assert relation["head"] == relation["head_span"]["token_end"]
                assert relation["child"] == relation["child_span"]["token_end"]
            assert isinstance(task["meta"]["doc"], str)


class TestBratFormat:
    """brat's standoff format as its documentation describes it, and the types annotation.conf declares."""

    ENTITY = re.compile(r"T(\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t([^\n]*)")
    RELATION = re.compile(r"R(\d+)\t(\S+) Arg1:(T\d+) Arg2:(T\d+)")
    NOTE = re.compile(r"#(\d+)\tAnnotatorNotes (T\d+)\t(\S[^\t\n]*)")

    def test_every_line_is_standoff(self, corpus: Documents, tmp_path: Path) -> None:
        """T lines quote their fragments' text; R lines join declared types; notes name an entity."""
        export(corpus, "brat", tmp_path)
        conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
        assert re.search(r"^speaker\tArg1:Speaker, Arg2:Direct\|Mixed\|Indirect$", conf, re.M)
        for name, text, _ in corpus:
            stem = name.removesuffix(".txt")
            assert (tmp_path / f"{stem}.txt").read_bytes() == text.encode("utf-8")
            types: dict[str, str] = {}
            for line in (tmp_path / f"{stem}.ann").read_text(encoding="utf-8").splitlines():
                if entity := self.ENTITY.fullmatch(line):
                    fragments = [tuple(map(int, f.split())) for f in entity[3].split(";")]
                    assert all("\n" not in text[a:b] for a, b in fragments)
                    assert entity[4] == " ".join(text[a:b] for a, b in fragments)
                    assert entity[2] in LABELS
                    types[f"T{entity[1]}"] = entity[2]
                elif relation := self.RELATION.fullmatch(line):
                    source, target = types[relation[3]], types[relation[4]]
                    assert (relation[2], source) in {("speaker", "Speaker"), ("cue", "Cue")}
                    assert target in KIND_LABELS
                else:
                    note = self.NOTE.fullmatch(line)
                    assert note is not None, line
                    assert types[note[2]] in {*KIND_LABELS, "Speaker"}  # a mention's person, or a quotation's

    def test_a_multi_line_span_is_written_in_fragments(self) -> None:
        """brat cannot show an annotation across a line break, so it is cut into pieces."""
        text = "“We are ready.\n\nWe will wait,” Peskov said."
        quote = quotes.Quote(text[1:29], 1, 29)
        layers = quotes.annotation.layers.annotate("a.txt", text, [quote])
        first = brat.standoff(layers).splitlines()[0]
        assert re.fullmatch(r"T1\tDirect 1 14;16 \d+\tWe are ready\. We will wait,", first)
