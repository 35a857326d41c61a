#!/usr/bin/env python3
"""Writes a synthetic national school directory for load tests: regions.csv and schools.csv.

Usage: make-directory.py OUTDIR [SCHOOLS]   (default 500000 schools)

31 provinces x 12 cities x 8 counties (2976 counties, close to China's ~2850) with codes of the
real GB/T 2260 shape, and schools spread evenly with names built from common parts, so name
searches hit realistic numbers of matches. Deterministic (fixed seed).
"""
import os
import random
import sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 500000
random.seed(2260)
provinces = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65]
places = "东西南北中新安平和兴华阳春江河山湖海林城桥沙石泉云龙凤鹤金玉明光"
kinds = ["小学", "中学", "实验小学", "实验中学", "第一中学", "第二中学", "中心小学", "幼儿园", "高级中学", "职业中学", "特殊教育学校", "九年一贯制学校"]
os.makedirs(out, exist_ok=True)
counties = []
with open(os.path.join(out, "regions.csv"), "w", encoding="utf-8") as f:
    f.write("code,name\n")
    for p in provinces:
        f.write(f"{p}0000,省{p}\n")
        for c in range(1, 13):
            f.write(f"{p}{c:02d}00,市{p}{c:02d}\n")
            for d in range(1, 9):
                code = f"{p}{c:02d}{d:02d}"
                counties.append(code)
                f.write(f"{code},县{code}\n")
with open(os.path.join(out, "schools.csv"), "w", encoding="utf-8") as f:
    f.write("code,name,regionCode\n")
    for i in range(count):
        county = counties[i % len(counties)]
        name = "".join(random.choice(places) for _ in range(2)) + random.choice(["镇", "乡", "区", "街道", ""]) + random.choice(kinds)
        f.write(f"B{i:09d},{county[-4:]}{name}{i // len(counties)},{county}\n")
