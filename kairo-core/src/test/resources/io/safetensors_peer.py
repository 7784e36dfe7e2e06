#!/usr/bin/env python3
"""An independent safetensors reader and writer (standard library + NumPy only), used by
Kairo's SafeTensorsTest to check that files cross between Kairo and other tools.

  safetensors_peer.py read FILE    prints {"name": {"dtype", "shape", "sum", "first"}, "__metadata__": {...}}
  safetensors_peer.py write FILE   writes tensors 'f32' [2,3], 'f64' [3], 'i64' [] and 'bf16' [2]
"""
import json
import struct
import sys

import numpy as np

DTYPES = {"F32": np.float32, "F64": np.float64, "I64": np.int64, "F16": np.float16}


def read(path):
    with open(path, "rb") as f:
        (n,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(n))
        data = f.read()
    out = {"__metadata__": header.pop("__metadata__", {})}
    for name, e in header.items():
        b, end = e["data_offsets"]
        arr = np.frombuffer(data[b:end], dtype=np.dtype(DTYPES[e["dtype"]]).newbyteorder("<"))
        arr = arr.reshape(e["shape"])
        out[name] = {"dtype": e["dtype"], "shape": list(arr.shape), "sum": float(arr.sum()),
                     "first": float(arr.flat[0]) if arr.size else None}
    print(json.dumps(out))


def write(path):
    tensors = {
        "f32": np.arange(6, dtype="<f4").reshape(2, 3) / 4,
        "f64": np.array([1.5, -2.25, 1e-3], dtype="<f8"),
        "i64": np.array(7, dtype="<i8"),
    }
    header, blobs, offset = {"__metadata__": {"writer": "numpy"}}, [], 0
    for name, arr in tensors.items():
        raw = arr.tobytes()
        dtype = {"float32": "F32", "float64": "F64", "int64": "I64"}[arr.dtype.name]
        header[name] = {"dtype": dtype, "shape": list(arr.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    bf16 = np.array([1.0, -3.5], dtype="<f4").view("<u4") >> 16
    raw = bf16.astype("<u2").tobytes()
    header["bf16"] = {"dtype": "BF16", "shape": [2], "data_offsets": [offset, offset + len(raw)]}
    blobs.append(raw)
    h = json.dumps(header).encode()
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for raw in blobs:
            f.write(raw)


if __name__ == "__main__":
    {"read": read, "write": write}[sys.argv[1]](sys.argv[2])
