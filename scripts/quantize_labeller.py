"""Store the labeller's networks in 8 bits: the BiLSTM with int8 weights (onnxruntime dynamic
quantization of the LSTM node) and the embedding tables as int8 with one scale per row.

The LSTM is most of the labeller's time; with 8-bit weights it runs about 1.6 times as fast on one
CPU thread, and the held-out span F1 of the labeller alone moves by 0.0013 at most (see the model
card). The int8 embedding tables (each row scaled by its largest absolute value / 127) halve the
model files against float16 and leave the held-out span F1 through ``kg extract`` unchanged to four
places. Quantizing what is quantized already changes nothing. ``train_labeller.py`` calls
:func:`quantize` after it checks the exported float network against torch.

Usage:  python scripts/quantize_labeller.py [MODEL_FOLDER] [--second]
        (default: the shipped model; --second: the shipped second network, labeller2.*)
Needs:  onnxruntime (a dependency of kg) and onnx (pip install -e '.[train]')
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from kg.extract.neural import FILES, SECOND_FILES  # noqa: E402

QUANTIZED = "DynamicQuantizeLSTM"


def quantize(folder: Path, files: dict[str, str] = FILES) -> bool:
    """Store folder's network (its files named by files) in 8 bits and note it in its meta file;
    False when it was quantized already."""
    changed = _quantize_lstm(folder / files["lstm"])
    changed = _quantize_embeddings(folder / files["arrays"]) or changed
    if changed:
        meta_path = folder / files["meta"]
        meta = json.loads(meta_path.read_text("utf-8"))
        meta["lstm_weights"] = ("int8 (onnxruntime.quantization.quantize_dynamic, LSTM node); embeddings int8 "
                                "with a float32 scale per row (emb{j}_scale)")
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return changed


def _quantize_lstm(path: Path) -> bool:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    if any(node.op_type == QUANTIZED for node in onnx.load(str(path)).graph.node):
        return False
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / path.name
        quantize_dynamic(str(path), str(out), weight_type=QuantType.QInt8, op_types_to_quantize=["LSTM"])
        path.write_bytes(out.read_bytes())
    return True


def _quantize_embeddings(path: Path) -> bool:
    """Each embedding table emb{j} as int8 rows and emb{j}_scale (float32, one per row)."""
    with np.load(path) as stored:
        arrays = {key: stored[key] for key in stored.files}
    tables = [key for key in arrays if key.startswith("emb") and not key.endswith("_scale")]
    if all(arrays[key].dtype == np.int8 for key in tables):
        return False
    for key in tables:
        table = arrays[key].astype(np.float32)
        scale = np.abs(table).max(axis=1) / 127
        scale[scale == 0] = 1.0  # the all-zero rows (no symbol) stay zero
        arrays[key] = np.round(table / scale[:, None]).astype(np.int8)
        arrays[key + "_scale"] = scale.astype(np.float32)
    np.savez(path, **arrays)
    return True


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    files = SECOND_FILES if "--second" in args else FILES
    folders = [a for a in args if a != "--second"]
    folder = Path(folders[0]) if folders else REPO / "src" / "kg" / "data" / "models"
    print(f"{folder / files['arrays']}, {files['lstm']}: " + ("quantized" if quantize(folder, files) else "already quantized"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
