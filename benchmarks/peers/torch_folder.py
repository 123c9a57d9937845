#!/usr/bin/python3
"""Peer benchmark: an image folder streamed through torchvision's ResNet50 (fc removed, eval, no grad).

torchvision.datasets.ImageFolder + DataLoader(num_workers=2) resizing to SIZE×SIZE, the same threads
as tune4j's StreamingFolderRun. Prints `torch-folder <images> <size> <images/s> <seconds>`.

    /usr/bin/python3 benchmarks/peers/torch_folder.py /tmp/jpegs --images 2000 --size 224 --threads 2
"""
import argparse
import time

import torch
import torchvision
from torchvision import transforms

import blas_check


def main():
    blas_check.warn_if_reference()
    p = argparse.ArgumentParser()
    p.add_argument("folder")
    p.add_argument("--images", type=int, default=2000)
    p.add_argument("--size", type=int, default=224)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batch", type=int, default=16)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    tf = transforms.Compose([transforms.Resize((a.size, a.size)), transforms.ToTensor(),
                             transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    data = torchvision.datasets.ImageFolder(a.folder, transform=tf)
    subset = torch.utils.data.Subset(data, range(min(a.images, len(data))))
    loader = torch.utils.data.DataLoader(subset, batch_size=a.batch, num_workers=2)
    model = torchvision.models.resnet50()
    model.fc = torch.nn.Identity()
    model.eval()
    with torch.no_grad():
        model(torch.rand(2, 3, a.size, a.size))  # warm-up
        start = time.perf_counter()
        done = 0
        for x, _ in loader:
            model(x)
            done += x.shape[0]
        s = time.perf_counter() - start
    print(f"torch-folder {done} {a.size} {done / s:.2f} {s:.1f}", flush=True)


if __name__ == "__main__":
    main()
