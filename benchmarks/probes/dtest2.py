"""Discriminator (width 0.5) separating real faces from blurred ones at lr 1e-3 and 1e-4.

    python benchmarks/probes/dtest2.py   # 1e-3: BCE 0.227 at step 20, then 0.693 (dead); 1e-4: 0.064 at step 40
"""
import torch, torch.nn.functional as F, sys
from synctalklip.models_generator import Discriminator
from synctalklip.config import make_config
from synctalklip.train_synctalklip import window_batches
from synctalklip.losses_generator import gan_discriminator_loss
torch.set_num_threads(1)
if __name__ == "__main__":
    bs = window_batches(make_config("cpu"))
    for lr in (1e-3, 1e-4):
        torch.manual_seed(0); d = Discriminator(0.5)
        opt = torch.optim.Adam(d.parameters(), lr, betas=(0.5, 0.999))
        for i in range(40):
            b = bs(i); real = b["target"]; fake = F.avg_pool2d(real, 5, 1, 2)
            with torch.autocast("cpu", dtype=torch.bfloat16):
                loss = gan_discriminator_loss(d(real), d(fake))
            opt.zero_grad(); loss.backward(); opt.step()
            if i % 10 == 9: print(lr, i + 1, round(loss.item(), 4), flush=True)
