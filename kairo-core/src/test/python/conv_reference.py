"""Reference values for ConvolutionGoldenTest, computed in float64 with NumPy, independently of
Kairo's kernels (strided slices of the padded input instead of im2col + GEMM).

Run from kairo-core:  python3 src/test/python/conv_reference.py
It writes src/test/resources/conv/reference.txt. Inputs are formulas the Java test repeats,
rounded to float32 first so both sides see the same numbers:
  x[i] = sin(0.37 i + 0.1), w[i] = 0.5 cos(0.23 i + 0.2), b[i] = 0.1 i - 0.2,
  gy[i] = sin(0.11 i + 0.3)  (the gradient of the loss sum(y * gy) with respect to y).
The analytic gradients are checked here against central differences before being written.
"""
import numpy as np

def f32(a):
    return a.astype(np.float32).astype(np.float64)

def inputs(shape, fn):
    n = int(np.prod(shape))
    return f32(fn(np.arange(n, dtype=np.float64))).reshape(shape)

X = lambda i: np.sin(0.37 * i + 0.1)
W = lambda i: 0.5 * np.cos(0.23 * i + 0.2)
B = lambda i: 0.1 * i - 0.2
GY = lambda i: np.sin(0.11 * i + 0.3)

def conv2d(x, w, b, stride, pad, dil, groups):
    """PyTorch conv2d semantics; returns y and a backward(gy) -> (gx, gw, gb)."""
    n, c, h, wd = x.shape
    o, cg, kh, kw = w.shape
    og = o // groups
    (sh, sw), (ph, pw), (dh, dw) = stride, pad, dil
    oh = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    ow = (wd + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    def sl(i, j):
        return (slice(i * dh, i * dh + sh * (oh - 1) + 1, sh),
                slice(j * dw, j * dw + sw * (ow - 1) + 1, sw))
    y = np.zeros((n, o, oh, ow)) + b.reshape(1, o, 1, 1)
    for g in range(groups):
        cs, os_ = slice(g * cg, (g + 1) * cg), slice(g * og, (g + 1) * og)
        for i in range(kh):
            for j in range(kw):
                sy, sx = sl(i, j)
                y[:, os_] += np.einsum('nchw,oc->nohw', xp[:, cs, sy, sx], w[os_, :, i, j])
    def backward(gy):
        gxp = np.zeros_like(xp)
        gw = np.zeros_like(w)
        for g in range(groups):
            cs, os_ = slice(g * cg, (g + 1) * cg), slice(g * og, (g + 1) * og)
            for i in range(kh):
                for j in range(kw):
                    sy, sx = sl(i, j)
                    gxp[:, cs, sy, sx] += np.einsum('nohw,oc->nchw', gy[:, os_], w[os_, :, i, j])
                    gw[os_, :, i, j] = np.einsum('nohw,nchw->oc', gy[:, os_], xp[:, cs, sy, sx])
        return gxp[:, :, ph:ph + h, pw:pw + wd], gw, gy.sum(axis=(0, 2, 3))
    return y, backward

def conv_transpose2d(x, w, b, stride, pad, out_pad, groups, dil):
    """PyTorch conv_transpose2d semantics: scatter each input through the kernel."""
    n, c, h, wd = x.shape
    _, og, kh, kw = w.shape
    cg, o = c // groups, og * groups
    (sh, sw), (ph, pw), (oph, opw), (dh, dw) = stride, pad, out_pad, dil
    oh = (h - 1) * sh - 2 * ph + dh * (kh - 1) + oph + 1
    ow = (wd - 1) * sw - 2 * pw + dw * (kw - 1) + opw + 1
    canvas = np.zeros((n, o, oh + 2 * ph, ow + 2 * pw))
    def sl(i, j):
        return (slice(i * dh, i * dh + sh * (h - 1) + 1, sh),
                slice(j * dw, j * dw + sw * (wd - 1) + 1, sw))
    for g in range(groups):
        cs, os_ = slice(g * cg, (g + 1) * cg), slice(g * og, (g + 1) * og)
        for i in range(kh):
            for j in range(kw):
                sy, sx = sl(i, j)
                canvas[:, os_, sy, sx] += np.einsum('nchw,co->nohw', x[:, cs], w[cs, :, i, j])
    y = canvas[:, :, ph:ph + oh, pw:pw + ow] + b.reshape(1, o, 1, 1)
    def backward(gy):
        gc = np.zeros_like(canvas)
        gc[:, :, ph:ph + oh, pw:pw + ow] = gy
        gx = np.zeros_like(x)
        gw = np.zeros_like(w)
        for g in range(groups):
            cs, os_ = slice(g * cg, (g + 1) * cg), slice(g * og, (g + 1) * og)
            for i in range(kh):
                for j in range(kw):
                    sy, sx = sl(i, j)
                    gx[:, cs] += np.einsum('nohw,co->nchw', gc[:, os_, sy, sx], w[cs, :, i, j])
                    gw[cs, :, i, j] = np.einsum('nchw,nohw->co', x[:, cs], gc[:, os_, sy, sx])
        return gx, gw, gy.sum(axis=(0, 2, 3))
    return y, backward

def check_gradients(name, fn, args, grads, gy, rng):
    """Central differences of sum(fn(...) * gy) at a few random elements of each operand."""
    for k, g in zip(range(3), grads):
        for _ in range(8):
            idx = tuple(rng.integers(0, s) for s in args[k].shape)
            eps = 1e-6
            plus = [a.copy() for a in args]
            minus = [a.copy() for a in args]
            plus[k][idx] += eps
            minus[k][idx] -= eps
            num = ((fn(*plus)[0] * gy).sum() - (fn(*minus)[0] * gy).sum()) / (2 * eps)
            assert abs(num - g[idx]) < 1e-6, (name, k, idx, num, g[idx])

def main():
    rng = np.random.default_rng(0)
    lines = ["# written by src/test/python/conv_reference.py (NumPy " + np.__version__ + ")"]
    def emit(name, a):
        lines.append(name + " " + "x".join(map(str, a.shape)) + ": "
                     + " ".join("%.9g" % v for v in a.ravel()))

    x, w, b = inputs((2, 4, 5, 6), X), inputs((6, 2, 3, 2), W), inputs((6,), B)
    fn = lambda x, w, b: conv2d(x, w, b, (2, 1), (1, 1), (1, 2), 2)
    y, back = fn(x, w, b)
    gy = inputs(y.shape, GY)
    grads = back(gy)
    check_gradients("conv2d", fn, [x, w, b], grads, gy, rng)
    for name, a in zip(["conv2d.y", "conv2d.gx", "conv2d.gw", "conv2d.gb"], (y,) + grads):
        emit(name, a)

    x, w, b = inputs((2, 4, 3, 3), X), inputs((4, 3, 3, 3), W), inputs((6,), B)
    fn = lambda x, w, b: conv_transpose2d(x, w, b, (2, 2), (1, 1), (1, 0), 2, (1, 1))
    y, back = fn(x, w, b)
    gy = inputs(y.shape, GY)
    grads = back(gy)
    check_gradients("convTranspose2d", fn, [x, w, b], grads, gy, rng)
    for name, a in zip(["convT.y", "convT.gx", "convT.gw", "convT.gb"], (y,) + grads):
        emit(name, a)

    with open("src/test/resources/conv/reference.txt", "w") as out:
        out.write("\n".join(lines) + "\n")

if __name__ == "__main__":
    main()
