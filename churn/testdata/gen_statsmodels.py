"""Reference values for the weighted log-rank tests that R's survdiff lacks
(Gehan-Breslow and Tarone-Ware weights) and for log-rank tests with late
entry, from statsmodels.duration.survfunc.survdiff. Run from this folder,
after gen_reference.R has written the data sets:

    /usr/bin/python3 gen_statsmodels.py

It writes statsmodels_reference.json.
"""
import json

import pandas as pd
import statsmodels
from statsmodels.duration.survfunc import survdiff

out = []
for name in ["freireich", "ties", "late"]:
    d = pd.read_csv(f"data_{name}.csv")
    entry = d["entry"].values if (d["entry"] > 0).any() else None
    for wt, kw in [(None, {}), ("gb", {}), ("tw", {}), ("fh", {"fh_p": 1.0})]:
        if wt == "fh" and entry is not None:
            # statsmodels 0.13 returns NaN here: its Kaplan-Meier weights
            # divide by an empty risk set before the first late entry.
            continue
        chisq, p = survdiff(d["exit"].values, d["event"].values, d["group"].values,
                            weight_type=wt, entry=entry, **kw)
        out.append({"dataset": name, "weights": wt or "logrank", "fh_p": kw.get("fh_p", 0.0),
                    "chisq": float(chisq), "p": float(p), "df": int(d["group"].nunique() - 1)})

with open("statsmodels_reference.json", "w") as f:
    json.dump({"survdiff": out, "statsmodels": statsmodels.__version__}, f, indent=1)
