#!/usr/bin/env python
"""Train the entity labeller (kg.extract.labeller, kg.extract.neural): embeddings, a BiLSTM and a CRF.

Reads ``<shared>/data`` through ``ner_corpora`` (held-out splits described there, never trained
on), turns every sentence into the labeller's inputs (``kg.extract.char_features``: the same jieba
tokens, sentences and code as tagging), trains with PyTorch (CPU, training only) and writes
``src/kg/data/models/labeller.npz`` (embeddings, output layer, CRF), ``labeller.onnx`` (the
BiLSTM, run by onnxruntime when tagging), ``labeller_vocab.json`` and ``meta.json``, with the
span F1 of every held-out sentence through ``kg.extract.labeller.label``.

Character and bigram embeddings start from vectors pretrained on the shared news text
(``scripts/build_char_vectors.py``) when ``--vectors`` is given.

Usage:  nice python scripts/train_labeller.py --vectors /tmp/vectors [--epochs 6] ...
Needs (training only): pip install torch (CPU build) gensim onnx
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import pickle
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

import ner_corpora
from ner_corpora import REPO

import torch  # noqa: E402
from torch import nn  # noqa: E402

from kg.extract import labeller  # noqa: E402
from kg.extract.char_features import COLUMNS, columns, encode  # noqa: E402
from kg.extract.doc import tokenize  # noqa: E402
from kg.extract.neural import FILES  # noqa: E402

LABELS = ["O"] + [f"{p}-{t}" for t in ("PER", "LOC", "ORG") for p in "BIES"]
TRANSFER = -1  # the "head" of unlabelled transfer sentences (no gold labels: teachers' scores only)
_ONNX_GATES = [0, 3, 1, 2]  # torch's LSTM gate blocks i f g o in ONNX's order i o f c


# ------------------------------------------------------------------------------------ inputs


def sentence_columns(text: str, tags: list[str]):
    """(columns, BIOES labels) of each sentence of text, cut as the labeller cuts at tagging time."""
    cols = columns(text, tokenize(text))
    bioes = labeller.to_bioes(tags)
    for offset, sentence in labeller.split_sentences(text):
        end = offset + len(sentence)
        yield {k: v[offset:end] for k, v in cols.items()}, bioes[offset:end]


def build_vocab(samples, min_freq: dict[str, int], pretrained: dict[str, list[str]], max_size: dict[str, int]):
    """Per column, the symbols kept: "" (id 0, nothing), "<unk>" (id 1), then the training symbols by
    frequency, then pretrained symbols never seen in training (up to max_size)."""
    counts = {name: Counter() for name in COLUMNS}
    for cols, _ in samples:
        for name in COLUMNS:
            counts[name].update(s for s in cols[name] if s)
    vocab = {}
    for name in COLUMNS:
        kept = [s for s, c in counts[name].most_common() if c >= min_freq.get(name, 1)]
        seen = set(kept)
        cap = max_size.get(name) or 10**9
        for s in pretrained.get(name, ()):
            if len(kept) >= cap:
                break
            if s not in seen:
                kept.append(s)
                seen.add(s)
        vocab[name] = ["", "<unk>"] + kept[:cap]
    return vocab


# ------------------------------------------------------------------------------------- model


def _of_head(name: str) -> property:
    """The current head's item of the per-head attribute name."""
    return property(lambda self: getattr(self, name)[self.head])


class Tagger(nn.Module):
    """Embeddings of each column (and of the bigram ending at each character), a BiLSTM, then per
    head a linear layer and a linear-chain CRF.  With several heads, each corpus trains its own head
    (its own labelling conventions) over the shared embeddings and BiLSTM; head 0 is the one shipped."""

    def __init__(self, sizes, dims, hidden, n_labels, dropout, heads: int = 1):
        super().__init__()
        self.embs = nn.ModuleList(nn.Embedding(v, d, padding_idx=0, sparse=True) for v, d in zip(sizes, dims))
        self.bigram = COLUMNS.index("bigram")
        width = sum(dims) + dims[self.bigram]
        self.lstm = nn.LSTM(width, hidden, batch_first=True, bidirectional=True)
        self.outs = nn.ModuleList(nn.Linear(2 * hidden, n_labels) for _ in range(heads))
        self.transs = nn.Parameter(torch.zeros(heads, n_labels, n_labels))
        self.starts = nn.Parameter(torch.zeros(heads, n_labels))
        self.ends = nn.Parameter(torch.zeros(heads, n_labels))
        self.drop = nn.Dropout(dropout)
        self.head = 0  # the head that out, trans, start and end read

    out, trans, start, end = (_of_head(name) for name in ("outs", "transs", "starts", "ends"))

    def inputs(self, ids):
        parts = [emb(ids[..., j]) for j, emb in enumerate(self.embs)]
        prev = torch.zeros_like(ids[..., self.bigram])
        prev[:, 1:] = ids[:, :-1, self.bigram]
        parts.append(self.embs[self.bigram](prev))  # the bigram ending here (c-1 c0)
        return torch.cat(parts, -1)

    def emissions(self, ids, lengths):
        x = self.drop(self.inputs(ids))
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        h, _ = self.lstm(packed)
        h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=ids.shape[1])
        return self.out(self.drop(h))

    def nll(self, emit, labels, mask):
        """Mean CRF negative log-likelihood of the gold labels."""
        batch, length, k = emit.shape
        rows = torch.arange(batch)
        gold = self.start[labels[:, 0]] + emit[rows, 0, labels[:, 0]]
        alpha = self.start + emit[:, 0]
        for t in range(1, length):
            mt = mask[:, t]
            gold = gold + mt * (self.trans[labels[:, t - 1], labels[:, t]] + emit[rows, t, labels[:, t]])
            step = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), 1) + emit[:, t]
            alpha = torch.where(mt.unsqueeze(1) > 0, step, alpha)
        lengths = mask.sum(1).long()
        gold = gold + self.end[labels[rows, lengths - 1]]
        log_z = torch.logsumexp(alpha + self.end, 1)
        return (log_z - gold).mean()

    def decode(self, emit, lengths):
        """Viterbi label ids of each sentence (torch, for scoring during training)."""
        out = []
        trans, start, end = self.trans.detach(), self.start.detach(), self.end.detach()
        for b in range(emit.shape[0]):
            n = int(lengths[b])
            e = emit[b, :n].detach()
            score = start + e[0]
            back = []
            for t in range(1, n):
                cand = score.unsqueeze(1) + trans
                best, arg = cand.max(0)
                back.append(arg)
                score = best + e[t]
            last = int((score + end).argmax())
            path = [last]
            for arg in reversed(back):
                last = int(arg[last])
                path.append(last)
            out.append(path[::-1])
        return out


def teacher_emissions(folders: list[Path], data, batch: int = 48) -> list[np.ndarray]:
    """Per encoded sentence, the mean label scores (L, K, float16) of the exported networks in folders
    (an ensemble the new network learns to match: distillation); they must share its vocabulary."""
    teachers = [load_exported(folder) for folder in folders]
    order = sorted(range(len(data)), key=lambda i: len(data[i][1]))
    out: list = [None] * len(data)
    for top in range(0, len(order), batch):
        idx = order[top : top + batch]
        flat = np.concatenate([data[i][0] for i in idx])
        starts = np.cumsum([0] + [len(data[i][1]) for i in idx])
        spans = list(zip(starts[:-1].tolist(), starts[1:].tolist()))
        emit = np.mean([t.emissions(flat, spans) for t in teachers], 0)
        for b, i in enumerate(idx):
            out[i] = emit[b, : len(data[i][1])].astype(np.float16)
    return out


def news_sentences(shared: Path, chars: int) -> list[str]:
    """Article texts of the shared CCTV news (newest files first, so not the speed benchmark's
    slice) until they hold chars characters: unlabelled text the teachers label (a transfer set)."""
    texts, total = [], 0
    for path in sorted((shared / "data" / "news").glob("xwlb_*.jsonl"), reverse=True):
        with path.open(encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text") or ""
                if total >= chars:
                    return texts
                texts.append(text)
                total += len(text)
    return texts


def init_from(model: "Tagger", folder: Path) -> None:
    """Start model from the exported float network in folder (same vocabulary and sizes)."""
    import onnx
    from onnx import numpy_helper

    exported = load_exported(folder)
    with torch.no_grad():
        for j, emb in enumerate(model.embs):
            emb.weight.copy_(torch.from_numpy(exported.embedding(j)))
        model.outs[0].weight.copy_(torch.from_numpy(exported.w_out.T.copy()))
        model.outs[0].bias.copy_(torch.from_numpy(exported.b_out))
        for name in ("trans", "start", "end"):
            getattr(model, name + "s")[0].copy_(torch.from_numpy(getattr(exported, name)))
        graph = onnx.load(str(folder / FILES["lstm"])).graph
        inits = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
        if set(inits) != {"W", "R", "B"}:
            raise SystemExit(f"{folder}: --init needs the float BiLSTM (found {sorted(inits)})")
        torch_order = np.argsort(_ONNX_GATES)
        hidden = model.lstm.hidden_size
        for d, suffix in enumerate(("", "_reverse")):
            for name, w in (("weight_ih_l0", inits["W"][d]), ("weight_hh_l0", inits["R"][d]),
                            ("bias_ih_l0", inits["B"][d][: 4 * hidden]), ("bias_hh_l0", inits["B"][d][4 * hidden :])):
                blocks = np.split(w, 4, 0)
                getattr(model.lstm, name + suffix).copy_(torch.from_numpy(np.concatenate([blocks[k] for k in torch_order])))


def batches(data, max_chars: int, rng: random.Random, heads=None):
    """Index lists of sentences of similar length (and of one head, when heads gives each
    sentence's head), about max_chars characters each, shuffled."""
    head = heads.__getitem__ if heads is not None else (lambda i: 0)
    order = sorted(range(len(data)), key=lambda i: (head(i), len(data[i][1]), rng.random()))
    out, cur, width = [], [], 0
    for i in order:
        n = len(data[i][1])
        if cur and (max(width, n) * (len(cur) + 1) > max_chars or head(i) != head(cur[0])):
            out.append(cur)
            cur, width = [], 0
        cur.append(i)
        width = max(width, n)
    if cur:
        out.append(cur)
    rng.shuffle(out)
    return out


def tensors(data, idx, unk_rate: float, rng: np.random.Generator):
    width = max(len(data[i][1]) for i in idx)
    ids = np.zeros((len(idx), width, len(COLUMNS)), dtype=np.int64)
    labels = np.zeros((len(idx), width), dtype=np.int64)
    mask = np.zeros((len(idx), width), dtype=np.float32)
    for b, i in enumerate(idx):
        x, y = data[i]
        ids[b, : len(y)] = x
        labels[b, : len(y)] = y
        mask[b, : len(y)] = 1
    if unk_rate:
        # some known chars, bigrams and words read as unknown, so unseen text is not a surprise
        cols = [COLUMNS.index(c) for c in ("char", "bigram", "word")]
        for j in cols:
            drop = (rng.random(ids.shape[:2]) < unk_rate) & (ids[..., j] > 1)
            ids[..., j][drop] = 1
    lengths = torch.tensor([len(data[i][1]) for i in idx])
    return torch.from_numpy(ids), torch.from_numpy(labels), torch.from_numpy(mask), lengths


# -------------------------------------------------------------------------------- evaluation


def span_scores(pairs) -> dict:
    """Span precision, recall and F1 (overall and per type) of (gold, predicted) span sets, one
    pair per sentence; spans are (start, end, type)."""
    counts = {t: Counter() for t in ("PER", "LOC", "ORG")}
    n = 0
    for gold, pred in pairs:
        n += 1
        for t, c in counts.items():
            g = {x for x in gold if x[2] == t}
            p = {x for x in pred if x[2] == t}
            c.update(tp=len(g & p), fp=len(p - g), fn=len(g - p))

    def f1(c: Counter) -> float:
        return round(2 * c["tp"] / (2 * c["tp"] + c["fp"] + c["fn"]), 4) if c["tp"] else 0.0

    total = sum(counts.values(), Counter())
    return {"precision": round(total["tp"] / max(1, total["tp"] + total["fp"]), 4),
            "recall": round(total["tp"] / max(1, total["tp"] + total["fn"]), 4),
            "f1": f1(total), "sentences": n, "per_type": {t: f1(c) for t, c in counts.items()}}


def span_f1(model, data, batch_chars=8000, head: int = 0) -> dict:
    """Span scores of the model's Viterbi labels (of the given head) against gold on encoded
    held-out sentences."""
    model.eval()
    model.head = head

    def pairs():
        with torch.no_grad():
            for idx in batches(data, batch_chars, random.Random(0)):
                ids, _, _, lengths = tensors(data, idx, 0.0, None)
                paths = model.decode(model.emissions(ids, lengths), lengths)
                for b, i in enumerate(idx):
                    yield (set(labeller.label_spans([LABELS[k] for k in data[i][1]])),
                           set(labeller.label_spans([LABELS[k] for k in paths[b]])))

    scores = span_scores(pairs())
    model.head = 0
    return scores


# -------------------------------------------------------------------------------------- export


def export(model: Tagger, vocab_lists, meta: dict, out: Path) -> None:
    """Write the model files (kg.extract.neural.FILES): the arrays (embeddings as float16, output
    layer, CRF), the BiLSTM as an ONNX graph, the vocabulary and the meta record."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    out.mkdir(parents=True, exist_ok=True)
    arrays = {f"emb{i}": e.weight.detach().numpy().astype(np.float16) for i, e in enumerate(model.embs)}
    arrays["w_out"] = model.out.weight.detach().numpy().T.copy()
    arrays["b_out"] = model.out.bias.detach().numpy()
    arrays["trans"] = model.trans.detach().numpy()
    arrays["start"] = model.start.detach().numpy()
    arrays["end"] = model.end.detach().numpy()
    for h in range(1, len(model.outs)):  # the other corpora's heads, for comparison (not read when tagging)
        arrays[f"w_out_{h}"] = model.outs[h].weight.detach().numpy().T.copy()
        arrays[f"b_out_{h}"] = model.outs[h].bias.detach().numpy()
        for name in ("trans", "start", "end"):
            arrays[f"{name}_{h}"] = getattr(model, name + "s")[h].detach().numpy()
    np.savez(out / FILES["arrays"], **arrays)

    lstm = model.lstm
    hidden = lstm.hidden_size

    def reorder(w):
        return np.concatenate([np.split(w, 4, axis=0)[k] for k in _ONNX_GATES], axis=0)

    ws, rs, bs = [], [], []
    for suffix in ("", "_reverse"):
        ws.append(reorder(getattr(lstm, "weight_ih_l0" + suffix).detach().numpy()))
        rs.append(reorder(getattr(lstm, "weight_hh_l0" + suffix).detach().numpy()))
        bs.append(np.concatenate([reorder(getattr(lstm, "bias_ih_l0" + suffix).detach().numpy()),
                                  reorder(getattr(lstm, "bias_hh_l0" + suffix).detach().numpy())]))
    inits = [numpy_helper.from_array(np.stack(a).astype(np.float32), name) for a, name in ((ws, "W"), (rs, "R"), (bs, "B"))]
    node = helper.make_node("LSTM", ["X", "W", "R", "B", "seq_lens"], ["Y"], direction="bidirectional",
                            hidden_size=hidden)
    width = lstm.input_size
    graph = helper.make_graph(
        [node], "bilstm",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, ["time", "batch", width]),
         helper.make_tensor_value_info("seq_lens", TensorProto.INT32, ["batch"])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, ["time", 2, "batch", hidden])],
        inits,
    )
    proto = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 14)])
    proto.ir_version = 8
    onnx.checker.check_model(proto)
    onnx.save(proto, str(out / FILES["lstm"]))
    (out / FILES["vocab"]).write_text(json.dumps(vocab_lists, ensure_ascii=False, separators=(",", ":")), "utf-8")
    (out / FILES["meta"]).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")


def check_export(model: Tagger, folder: Path, data) -> float:
    """Largest absolute difference between the torch emissions and the exported network's
    (kg.extract.neural: numpy embeddings and onnxruntime BiLSTM) on some encoded sentences."""
    exported = load_exported(folder)
    model.eval()
    ids, _, _, lengths = tensors(data, list(range(len(data))), 0.0, None)
    with torch.no_grad():
        want = model.emissions(ids, lengths).numpy()
    flat = np.concatenate([x for x, _ in data])
    starts = np.cumsum([0] + [len(y) for _, y in data])
    got = exported.emissions(flat, list(zip(starts[:-1], starts[1:])))
    return max(float(np.abs(got[b, :n] - want[b, :n]).max()) for b, n in enumerate(lengths.tolist()))


def heldout_scores(folder: Path, held_out: dict) -> dict:
    """Span scores of every held-out sentence through kg.extract.labeller with the exported network."""
    from kg.extract.labeller import label
    from kg.records import Kind

    kinds = {Kind.PERSON: "PER", Kind.PLACE: "LOC", Kind.ORG: "ORG"}
    exported = load_exported(folder)
    return {name: span_scores((set(labeller.label_spans(tags)), {(s, e, kinds[k]) for s, e, k, _ in label(text, m=exported)})
                              for text, tags in part)
            for name, part in held_out.items()}


def load_exported(folder: Path):
    from kg.extract import neural

    return neural.Model.load(lambda key: (folder / neural.FILES[key]).open("rb"))


# -------------------------------------------------------------------------------------- main


def load_vectors(folder: Path | None):
    """name -> (symbols in frequency order, KeyedVectors) of the pretrained char and bigram vectors."""
    if not folder:
        return {}
    from gensim.models import KeyedVectors

    return {name: KeyedVectors.load(str(folder / f"{name}.kv")) for name in ("char", "bigram")}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="shared folder (has data/)")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "kg" / "data" / "models")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the featurized corpora, reused when present")
    ap.add_argument("--vectors", type=Path, default=None, help="folder of char.kv and bigram.kv")
    ap.add_argument("--pku", action="store_true", help="also train on pd199801 (PKU word/TAG)")
    ap.add_argument("--cluener-repeat", type=int, default=1, help="times CLUENER's training sentences are used per epoch")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--dims", default="64,64,32,16,8,8", help="embedding sizes of " + ",".join(COLUMNS))
    ap.add_argument("--min-freq", default="1,2,2,1,1,1")
    ap.add_argument("--max-vocab", default="8000,250000,80000,0,0,0", help="0: no cap")
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--unk-rate", type=float, default=0.03)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--batch-chars", type=int, default=2500)
    ap.add_argument("--limit", type=int, default=0, help="train on at most N sentences (timing runs)")
    ap.add_argument("--eval-limit", type=int, default=1000, help="score at most N sentences per held-out set per epoch")
    ap.add_argument("--teachers", default="", help="comma-separated folders of exported networks whose mean "
                    "label scores the new network also learns to match (distillation of an ensemble)")
    ap.add_argument("--distill", type=float, default=1.0, help="weight of the divergence from the teachers' label scores")
    ap.add_argument("--transfer", type=int, default=0, help="also match the teachers on this many characters of "
                    "unlabelled shared news (their label scores only, no CRF loss)")
    ap.add_argument("--init", type=Path, default=None, help="start from this folder's exported float network")
    ap.add_argument("--heads", action="store_true",
                    help="one output layer and CRF per corpus (MSRA's, shipped, is also People's Daily's)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    nrng = np.random.default_rng(args.seed)

    t0 = time.time()
    splits = ner_corpora.load(args.shared, pku=args.pku)
    if args.cache and args.cache.exists():
        samples, held = pickle.loads(args.cache.read_bytes())
    else:
        samples = {name: [s for text, tags in seqs for s in sentence_columns(text, tags)] for name, seqs in splits.train.items()}
        held = {name: [s for text, tags in part for s in sentence_columns(text, tags)]
                for name, part in splits.held_out.items()}
        if args.cache:
            args.cache.write_bytes(pickle.dumps((samples, held), protocol=5))
    head_of = {name: (i if args.heads else 0) for i, name in enumerate(samples)}
    repeats = {name: args.cluener_repeat if name.startswith("cluener") else 1 for name in samples}
    sample_heads = [head_of[name] for name, part in samples.items() for _ in range(len(part) * repeats[name])]
    samples = [s for name, part in samples.items() for s in part * repeats[name]]
    print(f"{len(samples)} training sentences, {sum(len(y) for _, y in samples)} chars, read in {time.time() - t0:.0f}s; "
          f"dropped as held-out {dict(splits.dropped)}", flush=True)

    vectors = load_vectors(args.vectors)
    ints = lambda s: [int(x) for x in s.split(",")]  # noqa: E731
    vocab_lists = build_vocab(samples, dict(zip(COLUMNS, ints(args.min_freq))),
                              {k: v.index_to_key for k, v in vectors.items()},
                              {k: v for k, v in zip(COLUMNS, ints(args.max_vocab))})
    vocab = {name: {s: i for i, s in enumerate(v)} for name, v in vocab_lists.items()}
    index = {lab: i for i, lab in enumerate(LABELS)}
    enc = lambda part: [(encode(c, vocab), np.array([index[x] for x in y], dtype=np.int64)) for c, y in part]  # noqa: E731
    data = enc(samples)
    held_data = {name: enc(part[: args.eval_limit or None]) for name, part in held.items()}
    del samples
    if args.limit:
        keep = sorted(rng.sample(range(len(data)), min(args.limit, len(data))))
        data, sample_heads = [data[i] for i in keep], [sample_heads[i] for i in keep]
    print("vocabulary sizes", {k: len(v) for k, v in vocab_lists.items()}, flush=True)
    if args.transfer:
        if not args.teachers:
            raise SystemExit("--transfer needs --teachers")
        news = [x for text in news_sentences(args.shared, args.transfer)
                for x in enc(list(sentence_columns(text, ["O"] * len(text))))]
        data += news
        sample_heads += [TRANSFER] * len(news)
        print(f"transfer set: {len(news)} news sentences, {sum(len(y) for _, y in news)} chars", flush=True)
    taught = None
    if args.teachers:
        t1 = time.time()
        folders = [Path(f) for f in args.teachers.split(",")]
        for folder in folders:
            if json.loads((folder / FILES["vocab"]).read_text("utf-8")) != vocab_lists:
                raise SystemExit(f"{folder}: a teacher's vocabulary differs from this run's")
        taught = teacher_emissions(folders, data)
        print(f"teachers' scores of {len(taught)} sentences in {time.time() - t1:.0f}s", flush=True)

    dims = ints(args.dims)
    model = Tagger([len(vocab_lists[c]) for c in COLUMNS], dims, args.hidden, len(LABELS), args.dropout,
                   heads=len(set(head_of.values())))
    print("heads", head_of, flush=True)
    if args.init:
        if json.loads((args.init / FILES["vocab"]).read_text("utf-8")) != vocab_lists:
            raise SystemExit(f"{args.init}: its vocabulary differs from this run's")
        init_from(model, args.init)
        vectors = {}
    with torch.no_grad():
        for name, kv in vectors.items():
            j = COLUMNS.index(name)
            table = model.embs[j].weight
            found = 0
            scale = table[2:].std().item()
            for i, sym in enumerate(vocab_lists[name][2:], start=2):
                if sym in kv.key_to_index:
                    v = torch.from_numpy(kv[sym][: table.shape[1]].copy())
                    table[i] = v / (v.std() + 1e-6) * scale
                    found += 1
            print(f"{name}: {found} of {len(vocab_lists[name])} rows from pretrained vectors", flush=True)
    sparse = [p for e in model.embs for p in e.parameters()]
    dense = [p for n, p in model.named_parameters() if not n.startswith("embs")]
    opts = [torch.optim.SparseAdam(sparse, lr=args.lr), torch.optim.Adam(dense, lr=args.lr)]
    n_batches = len(batches(data, args.batch_chars, random.Random(0), sample_heads))
    total = args.epochs * n_batches
    schedule = lambda step: min(1.0, step / 300) * (0.05 + 0.95 * 0.5 * (1 + math.cos(math.pi * min(step, total) / total)))  # noqa: E731
    scheds = [torch.optim.lr_scheduler.LambdaLR(opt, schedule) for opt in opts]
    history = []
    t_train = time.time()
    for epoch in range(1, args.epochs + 1):
        model.train()
        t0, loss_sum = time.time(), 0.0
        for step, idx in enumerate(batches(data, args.batch_chars, rng, sample_heads)):
            ids, labels, mask, lengths = tensors(data, idx, args.unk_rate, nrng)
            transfer = sample_heads[idx[0]] == TRANSFER
            model.head = 0 if transfer else sample_heads[idx[0]]
            emit = model.emissions(ids, lengths)
            loss = 0.0 if transfer else model.nll(emit, labels, mask)
            if taught is not None:
                want = torch.zeros_like(emit)
                for b, i in enumerate(idx):
                    want[b, : len(taught[i])] = torch.from_numpy(taught[i].astype(np.float32))
                # KL divergence of the network's label softmax from the teachers' at each character: like
                # the CRF, blind to a constant added to every label's score at one character
                t_log = torch.log_softmax(want, -1)
                kl = (t_log.exp() * (t_log - torch.log_softmax(emit, -1))).sum(-1)
                loss = loss + args.distill * (kl * mask).sum(1).mean()
            for opt in opts:
                opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(dense, 5.0)
            for opt, sched in zip(opts, scheds):
                opt.step()
                sched.step()
            loss_sum += loss.item()
            if step % 500 == 0:
                print(f"  step {step}/{n_batches} loss {loss.item():.3f} ({time.time() - t0:.0f}s)", flush=True)
        model.head = 0
        scores = {name: span_f1(model, part) for name, part in held_data.items()}
        for name, part in held_data.items():
            own = next((h for corpus, h in head_of.items() if corpus.split("/")[0] in name), 0)
            if own:
                print(f"  {name.split()[0]} through its own head {own}: {span_f1(model, part, head=own)['f1']:.4f}", flush=True)
        history.append({"epoch": epoch, "loss": round(loss_sum / n_batches, 4), **{k: v["f1"] for k, v in scores.items()}})
        print(f"epoch {epoch}: loss {loss_sum / n_batches:.4f} ({time.time() - t0:.0f}s); "
              + "; ".join(f"{k.split()[0]} {v['f1']:.4f} {v['per_type']}" for k, v in scores.items()), flush=True)
        meta = {
            "model": FILES["arrays"],
            "kind": "BiLSTM-CRF over character, bigram, jieba word and tag, gazetteer and suffix embeddings; "
                    "BIOES labels over PER/LOC/ORG",
            "labels": LABELS,
            "columns": list(COLUMNS),
            "hidden": args.hidden,
            "embedding_dims": dict(zip(COLUMNS, dims)),
            "vocabulary_sizes": {k: len(v) for k, v in vocab_lists.items()},
            "corpora": {name: len(seqs) for name, seqs in splits.train.items()},
            "dropped_as_heldout": dict(splits.dropped),
            "training_sentences": len(data),
            "training_chars": int(sum(len(y) for _, y in data)),
            "date": dt.date.today().isoformat(),
            "params": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items() if k not in ("shared", "out", "cache")},
            "command": "python scripts/train_labeller.py " + " ".join(argv if argv is not None else sys.argv[1:]),
            "train_seconds": round(time.time() - t_train),
            "history": history,
            "heldout_note": "per-epoch scores: model alone (torch Viterbi) on the first %d sentences of each set" % args.eval_limit,
            "label_map": {"cluener2020": ner_corpora.CLUENER_MAP, "pd199801": ner_corpora.PKU_MAP},
        }
        if epoch == args.epochs:
            export(model, vocab_lists, meta, args.out)
            meta["heldout_span_f1"] = heldout_scores(args.out, splits.held_out)
            meta["heldout_note"] = ("per-epoch scores (history): the network alone (torch Viterbi) on the first %d sentences "
                                    "of each set; heldout_span_f1: every sentence, through kg.extract.labeller "
                                    "(exported network, with its place-ending rule), not kg extract" % args.eval_limit)
            print(json.dumps(meta["heldout_span_f1"], indent=1), flush=True)
        export(model, vocab_lists, meta, args.out)
        print(f"  exported to {args.out}; largest difference of the exported network's scores: "
              f"{check_export(model, args.out, next(iter(held_data.values()))[:64]):.2e}", flush=True)
    quantize_shipped(args.out, splits.held_out)
    return 0


def quantize_shipped(folder: Path, held_out: dict) -> None:
    """Give the exported BiLSTM int8 weights (scripts/quantize_labeller.py) and record the held-out
    scores of the network so stored."""
    from quantize_labeller import quantize

    quantize(folder)
    meta_path = folder / FILES["meta"]
    meta = json.loads(meta_path.read_text("utf-8"))
    meta["heldout_span_f1_int8"] = heldout_scores(folder, held_out)
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(json.dumps(meta["heldout_span_f1_int8"], indent=1), flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
