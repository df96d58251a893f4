# Minimal Mochi/CogVideoX decoder block that reproduces the L1 overflow analysed in
# examples/mochi_replicate_pad.mlir: a causal Conv3d whose replicate padding is lowered
# to a gather/embedding workaround.
import torch
import torch.nn as nn
import torch.nn.functional as F


class CogVideoXCausalConv3d(nn.Module):
    def __init__(self, in_channels, out_channels):
        super().__init__()
        self.time_causal_padding = (1, 1, 1, 1, 2, 0)
        self.conv = nn.Conv3d(in_channels, out_channels, kernel_size=3, stride=1, padding=0)

    def forward(self, x):
        x = F.pad(x, self.time_causal_padding, mode="replicate")
        return self.conv(x)


if __name__ == "__main__":
    model = CogVideoXCausalConv3d(768, 768).to(torch.bfloat16)
    x = torch.randn(1, 768, 4, 60, 106, dtype=torch.bfloat16)
    print(model(x).shape)
