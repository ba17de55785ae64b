#!/usr/bin/python3
"""ONNX fixtures written by PyTorch's exporter (torch.onnx.export, the TorchScript-based exporter;
dynamo=False where the installed version has that switch).

Run with a Python that has torch (Debian: apt-get install python3-torch; /usr/bin/python3):

    /usr/bin/python3 tools/onnx/make_torch_fixtures.py [OUT_DIR]

OUT_DIR defaults to solvers/src/test/resources/xcert/solvers/onnx. Every network is seeded, so a
rerun with the same torch version writes the same weights (the bytes may differ across versions
in the producer fields). Then run make_references.py (it needs onnxruntime) for the reference CSVs.
"""

import inspect
import os
import sys

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    ROOT, "solvers", "src", "test", "resources", "xcert", "solvers", "onnx")
OPSET = 13


def export(model, d, name, dynamic_batch):
    model.eval()
    x = torch.zeros(1, d)
    kwargs = dict(input_names=["x"], output_names=["y"], opset_version=OPSET,
                  do_constant_folding=True)
    if dynamic_batch:
        kwargs["dynamic_axes"] = {"x": {0: "N"}, "y": {0: "N"}}
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        kwargs["dynamo"] = False
    path = os.path.join(OUT, name)
    torch.onnx.export(model, (x,), path, **kwargs)
    print("wrote", path, os.path.getsize(path), "bytes")


class MatMulLinear(nn.Module):
    """x @ W + b with W a (d_in, d_out) parameter: exported as MatMul and Add (not Gemm)."""

    def __init__(self, d_in, d_out):
        super().__init__()
        self.w = nn.Parameter(torch.randn(d_in, d_out) / d_in ** 0.5)
        self.b = nn.Parameter(torch.randn(d_out) * 0.1)

    def forward(self, x):
        return x @ self.w + self.b


class Standardize(nn.Module):
    """(x - mean) / scale with constant buffers: exported as Sub and Div by constants."""

    def __init__(self, mean, scale):
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("scale", scale)

    def forward(self, x):
        return (x - self.mean) / self.scale


def regressor():
    """12 -> 16 -> 8 -> 1: MatMul+Add, Relu, Gemm, Relu, Gemm; fixed batch [1, 12]."""
    torch.manual_seed(12)
    return nn.Sequential(MatMulLinear(12, 16), nn.ReLU(), nn.Linear(16, 8), nn.ReLU(),
                         nn.Linear(8, 1))


def classifier():
    """10 -> 8 -> 3 with a Softmax over the 3 outputs; dynamic batch axis [N, 10]."""
    torch.manual_seed(10)
    return nn.Sequential(nn.Linear(10, 8), nn.ReLU(), nn.Linear(8, 3), nn.Softmax(dim=1))


def dyadic():
    """6 -> 5 -> 2 with every weight and bias k/8, |k| <= 8: float32 arithmetic on inputs m/4 is
    exact, so ONNX Runtime's output equals the exact value."""
    torch.manual_seed(6)
    net = nn.Sequential(nn.Linear(6, 5), nn.ReLU(), nn.Linear(5, 2))
    with torch.no_grad():
        for p in net.parameters():
            p.copy_(torch.randint(-8, 9, p.shape).float() / 8)
    return net


def standardized():
    """8 -> 4 -> 1 with a Sigmoid head: Sub(mean), Div(scale) by constants (scale not a power of
    two, so the Div adds odd denominators), Flatten, Gemm, Relu, Dropout (inference), Gemm."""
    torch.manual_seed(8)
    mean = torch.randn(8) * 3
    scale = torch.rand(8) * 4 + 0.5
    return nn.Sequential(Standardize(mean, scale), nn.Flatten(), nn.Linear(8, 4), nn.ReLU(),
                         nn.Dropout(0.25), nn.Linear(4, 1), nn.Sigmoid())


def main():
    os.makedirs(OUT, exist_ok=True)
    export(regressor(), 12, "torch-regressor-12-16-8-1.onnx", dynamic_batch=False)
    export(classifier(), 10, "torch-classifier-10-8-3-softmax.onnx", dynamic_batch=True)
    export(dyadic(), 6, "torch-dyadic-6-5-2.onnx", dynamic_batch=True)
    export(standardized(), 8, "torch-standardized-8-4-1-sigmoid.onnx", dynamic_batch=True)


if __name__ == "__main__":
    main()
