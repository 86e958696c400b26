"""Discriminator initialisation probe: 15 steps separating textured from flat faces, default PyTorch init vs He init.

    python benchmarks/probes/dtest.py default   # BCE 1.385 (= 2 log 2: nothing learnt)
    python benchmarks/probes/dtest.py he        # BCE 0.034
"""
import math, torch, torch.nn.functional as F, sys
from synctalklip.models_generator import Discriminator
torch.set_num_threads(1)
torch.manual_seed(0)
d = Discriminator(0.25)
if sys.argv[1] == "default":
    for m in d.modules():
        if isinstance(m, torch.nn.Conv2d): m.reset_parameters()
real, fake = torch.rand(8, 3, 96, 96), torch.full((8, 3, 96, 96), 0.5)
opt = torch.optim.Adam(d.parameters(), 1e-4, betas=(0.5, 0.999))
for i in range(15):
    lr_, lf_ = d(real), d(fake)
    loss = F.binary_cross_entropy_with_logits(lr_, torch.ones_like(lr_)) + F.binary_cross_entropy_with_logits(lf_, torch.zeros_like(lf_))
    opt.zero_grad(); loss.backward(); opt.step()
print(sys.argv[1], float(loss))
