"""Identity mapping with tiny nets (conv-BN-ReLU x2 + 1x1 + sigmoid, no BN, no sigmoid, a linear 1x1) for 60 fresh batches.

    python benchmarks/probes/diag3.py 1e-3   # BN net: L1 0.173, 0.134, 0.129 over the three 20-step thirds
    python benchmarks/probes/diag3.py 1e-2   # BN net: 0.127, 0.091, 0.098
    python benchmarks/probes/diag3.py 3e-2   # BN net: 0.118, 0.098, 0.104
"""
import torch, numpy as np, sys
from torch import nn
from synctalklip.config import make_config
from synctalklip.train_synctalklip import window_batches
from synctalklip.models_generator import ConvBlock
if __name__ == "__main__":
    torch.set_num_threads(2)
    batches = window_batches(make_config("cpu"))
    xs = [batches(s)["target"] for s in range(60)]
    print("target range", xs[0].min().item(), xs[0].max().item(), xs[0].mean().item(), xs[0].std().item())
    variants = {
        "bn": lambda: nn.Sequential(ConvBlock(6, 8, 7, 1, 3), ConvBlock(8, 16, 3, 1, 1), nn.Conv2d(16, 3, 1), nn.Sigmoid()),
        "nobn": lambda: nn.Sequential(nn.Conv2d(6, 8, 7, 1, 3), nn.ReLU(), nn.Conv2d(8, 16, 3, 1, 1), nn.ReLU(), nn.Conv2d(16, 3, 1), nn.Sigmoid()),
        "bn_nosig": lambda: nn.Sequential(ConvBlock(6, 8, 7, 1, 3), ConvBlock(8, 16, 3, 1, 1), nn.Conv2d(16, 3, 1)),
        "lin1x1": lambda: nn.Sequential(nn.Conv2d(6, 3, 1)),
    }
    for name, mk in variants.items():
        torch.manual_seed(0); net = mk(); opt = torch.optim.Adam(net.parameters(), float(sys.argv[1]), betas=(0.5, 0.999)); acc = []
        for s in range(60):
            x = xs[s]; y = net(torch.cat([x, x], 1)); l = (y - x).abs().mean(); opt.zero_grad(); l.backward(); opt.step(); acc.append(l.item())
        print(name, [round(np.mean(acc[i:i+20]), 4) for i in range(0, 60, 20)], flush=True)
