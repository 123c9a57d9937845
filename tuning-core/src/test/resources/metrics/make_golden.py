#!/usr/bin/python3
"""Golden values for tune4j's classification metrics, made once with scikit-learn + numpy.

Rerun (from this directory) with Debian's python3-sklearn (1.2.1 made the committed files):

    apt-get install -y python3-sklearn python3-numpy
    /usr/bin/python3 make_golden.py

It writes, for each case, `<case>_predictions.csv` (truth, pred_class, pred_<level> columns,
the layout PredictionsCsv reads) and `golden_<case>.csv` with columns
`spec, metric, estimator, event_level, estimate` (`spec` is what
ClassificationMetrics.byName takes; `nan` marks an undefined estimate).

tune4j follows yardstick (R), not scikit-learn, where the two differ; every such place below
computes yardstick's definition with numpy and says so:
  * bal_accuracy (multiclass): yardstick averages (recall + specificity) / 2 over levels;
    sklearn's balanced_accuracy_score is the mean recall. They agree for two levels only.
  * precision/recall/... macro averages: yardstick drops undefined levels (na.rm = TRUE)
    and renormalises the weights; sklearn 1.2 counts them as 0 (zero_division).
    Computed from multilabel_confusion_matrix with yardstick's rule.
  * ppv/npv, specificity, j_index: not in sklearn; yardstick's formulas on the same counts.
  * pr_auc: yardstick integrates its PR curve by the trapezoid rule from (recall 0,
    precision 1); sklearn's average_precision_score is a step sum and differs. We use
    sklearn's precision_recall_curve + auc (trapezoid), which is yardstick's area.
  * roc_auc hand_till with a level absent from the truth: yardstick drops the level with a
    warning; computed pairwise with roc_auc_score on each pair's rows. When every level is
    present it is checked against roc_auc_score(multi_class="ovo") (Hand-Till).
  * roc_auc/pr_auc macro with a level absent from the truth: yardstick gives NA.
  * mcc with a zero denominator: yardstick NA, sklearn 0 (not exercised here).
  * mn_log_loss: clipped to [eps, 1 - eps], eps = 2^-52 as yardstick (= sklearn 1.2's
    eps="auto" for float64, checked).
"""
import csv
import os
from itertools import combinations

import numpy as np
from sklearn.metrics import (accuracy_score, auc, balanced_accuracy_score, cohen_kappa_score,
                             log_loss, matthews_corrcoef, multilabel_confusion_matrix,
                             precision_recall_curve, precision_score, recall_score,
                             roc_auc_score)

HERE = os.path.dirname(os.path.abspath(__file__))
EPS = np.finfo(float).eps


def tied_probabilities(rng, n, c, strength, truth, grain):
    """Rows of k/grain (many exact ties), leaning toward the true class."""
    probs = np.zeros((n, c))
    for i in range(n):
        logits = rng.normal(size=c)
        logits[truth[i]] += strength
        w = np.exp(logits) / np.exp(logits).sum()
        counts = rng.multinomial(grain, w)
        probs[i] = counts / grain
    return probs


def argmax_first(probs, forbidden=()):
    p = probs.copy()
    for k in forbidden:
        p[:, k] = -1
    return p.argmax(axis=1)


def write_predictions(case, levels, truth, pred, probs):
    with open(os.path.join(HERE, f"{case}_predictions.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["truth", "pred_class"] + [f"pred_{l}" for l in levels])
        for t, p, row in zip(truth, pred, probs):
            w.writerow([levels[t], levels[p]] + [repr(float(x)) for x in row])


def counts(truth, pred, c):
    m = multilabel_confusion_matrix(truth, pred, labels=list(range(c)))
    tn, fp, fn, tp = m[:, 0, 0], m[:, 0, 1], m[:, 1, 0], m[:, 1, 1]
    return [x.astype(float) for x in (tp, fp, fn, tn)]


def div(a, b):
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(b > 0, a / np.where(b > 0, b, 1), np.nan)


def per_class(name, tp, fp, fn, tn, beta=1.0):
    """yardstick's per-level value; NaN where undefined."""
    n = tp + fp + fn + tn
    prec, rec, spec = div(tp, tp + fp), div(tp, tp + fn), div(tn, tn + fp)
    prev = (tp + fn) / n
    if name == "precision":
        return prec
    if name in ("recall", "sensitivity"):
        return rec
    if name == "specificity":
        return spec
    if name == "f_meas":
        with np.errstate(invalid="ignore"):
            f = (1 + beta**2) * prec * rec / (beta**2 * prec + rec)
        return np.where((prec == 0) & (rec == 0), 0.0, f)
    if name == "j_index":
        return rec + spec - 1
    if name == "bal_accuracy":
        return (rec + spec) / 2
    if name == "ppv":
        return div(rec * prev, rec * prev + (1 - spec) * (1 - prev))
    if name == "npv":
        return div(spec * (1 - prev), (1 - rec) * prev + spec * (1 - prev))
    raise ValueError(name)


DROPS_UNDEFINED = {"precision": True, "recall": True, "sensitivity": True,
                   "specificity": True, "f_meas": True, "j_index": True,
                   "bal_accuracy": False, "ppv": False, "npv": False}


def micro(name, tp, fp, fn, tn):
    s = [np.array([x.sum()]) for x in (tp, fp, fn, tn)]
    if name in ("ppv", "npv"):
        # yardstick: micro prevalence = sum(tp + fn) / (C * n) = 1 / C
        c = len(tp)
        rec = div(s[0], s[0] + s[2])
        spec = div(s[3], s[3] + s[1])
        prev = 1.0 / c
        if name == "ppv":
            return float(div(rec * prev, rec * prev + (1 - spec) * (1 - prev))[0])
        return float(div(spec * (1 - prev), (1 - rec) * prev + spec * (1 - prev))[0])
    return float(per_class(name, *s)[0])


def weighted_mean(values, weights, drop):
    """R's weighted.mean(values, weights, na.rm = drop)."""
    keep = ~np.isnan(values)
    if not drop and not keep.all():
        return float("nan")
    return float((values[keep] * weights[keep]).sum() / weights[keep].sum())


def class_rows(truth, pred, c, binary):
    rows = []
    tp, fp, fn, tn = counts(truth, pred, c)
    support = tp + fn
    for name in DROPS_UNDEFINED:
        vals = per_class(name, tp, fp, fn, tn)
        if binary:
            for event, ev_name in ((0, "first"), (1, "second")):
                rows.append((name, name, "binary", ev_name, float(vals[event])))
        rows.append((f"{name}:macro", name, "macro", "first",
                     weighted_mean(vals, np.ones(c), DROPS_UNDEFINED[name])))
        rows.append((f"{name}:macro_weighted", name, "macro_weighted", "first",
                     weighted_mean(vals, support, DROPS_UNDEFINED[name])))
        rows.append((f"{name}:micro", name, "micro", "first", micro(name, tp, fp, fn, tn)))
    vals = per_class("f_meas", tp, fp, fn, tn, beta=2.0)
    rows.append(("f_meas_beta2:macro", "f_meas", "macro", "first", weighted_mean(vals, np.ones(c), True)))
    return rows, (tp, fp, fn, tn)


def check_against_sklearn(truth, pred, c, binary, tp_fp_fn_tn):
    tp, fp, fn, tn = tp_fp_fn_tn
    labels = list(range(c))
    defined = (tp + fp > 0).all() and (tp + fn > 0).all()
    if defined:
        for avg in ("macro", "weighted", "micro"):
            p = precision_score(truth, pred, labels=labels, average=avg)
            r = recall_score(truth, pred, labels=labels, average=avg)
            w = np.ones(c) if avg == "macro" else tp + fn
            if avg != "micro":
                assert np.isclose(p, weighted_mean(div(tp, tp + fp), w, True))
                assert np.isclose(r, weighted_mean(div(tp, tp + fn), w, True))
    if binary:
        ours = (div(tp, tp + fn)[0] + div(tn, tn + fp)[0]) / 2
        assert np.isclose(balanced_accuracy_score(truth, pred), ours)


def agreement_rows(truth, pred, c, binary):
    est = "binary" if binary else "multiclass"
    labels = list(range(c))
    rows = [("accuracy", "accuracy", est, "first", accuracy_score(truth, pred)),
            ("mcc", "mcc", est, "first", matthews_corrcoef(truth, pred))]
    for weighting, sk in (("none", None), ("linear", "linear"), ("quadratic", "quadratic")):
        spec = "kap" if weighting == "none" else f"kap:{weighting}"
        rows.append((spec, "kap", est, "first",
                     cohen_kappa_score(truth, pred, labels=labels, weights=sk)))
    return rows


def pr_area(y, score):
    precision, recall, _ = precision_recall_curve(y, score)
    return auc(recall, precision)


def hand_till(truth, probs, c):
    present = [k for k in range(c) if (truth == k).any()]
    total = 0.0
    for i, j in combinations(present, 2):
        rows = (truth == i) | (truth == j)
        a_ij = roc_auc_score(truth[rows] == i, probs[rows, i])
        a_ji = roc_auc_score(truth[rows] == j, probs[rows, j])
        total += (a_ij + a_ji) / 2
    m = len(present)
    value = 2 * total / (m * (m - 1))
    if len(present) == c:
        assert np.isclose(value, roc_auc_score(truth, probs, multi_class="ovo",
                                               labels=list(range(c))))
    return value


def probability_rows(truth, probs, c, binary):
    rows = []
    support = np.bincount(truth, minlength=c).astype(float)
    all_present = (support > 0).all()
    roc = np.array([roc_auc_score(truth == k, probs[:, k]) if support[k] > 0 else np.nan
                    for k in range(c)])
    pr = np.array([pr_area(truth == k, probs[:, k]) if support[k] > 0 else np.nan
                   for k in range(c)])
    if binary:
        for event, ev_name in ((0, "first"), (1, "second")):
            rows.append(("roc_auc", "roc_auc", "binary", ev_name, roc[event]))
            rows.append(("pr_auc", "pr_auc", "binary", ev_name, pr[event]))
    else:
        rows.append(("roc_auc", "roc_auc", "hand_till", "first", hand_till(truth, probs, c)))
        rows.append(("pr_auc", "pr_auc", "macro", "first", weighted_mean(pr, np.ones(c), False)))
    for est, w in (("macro", np.ones(c)), ("macro_weighted", support)):
        rows.append((f"roc_auc:{est}", "roc_auc", est, "first", weighted_mean(roc, w, False)))
        rows.append((f"pr_auc:{est}", "pr_auc", est, "first", weighted_mean(pr, w, False)))
    if all_present and not binary:
        for avg, w in (("macro", np.ones(c)), ("weighted", support)):
            assert np.isclose(weighted_mean(roc, w, False),
                              roc_auc_score(truth, probs, multi_class="ovr", average=avg))
    est = "binary" if binary else "multiclass"
    y = np.eye(c)[truth]
    clipped = np.clip(probs, EPS, 1 - EPS)
    ll = float(-np.mean(np.log(clipped[np.arange(len(truth)), truth])))
    assert np.isclose(ll, log_loss(truth, probs, labels=list(range(c))))
    brier = float(((y - probs) ** 2).sum() / (2 * len(truth)))
    for ev_name in (("first", "second") if binary else ("first",)):
        rows.append(("mn_log_loss", "mn_log_loss", est, ev_name, ll))
        rows.append(("brier_class", "brier_class", est, ev_name, brier))
    return rows


def write_golden(case, rows):
    with open(os.path.join(HERE, f"golden_{case}.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["spec", "metric", "estimator", "event_level", "estimate"])
        for spec, metric, est, ev, value in rows:
            w.writerow([spec, metric, est, ev, "nan" if np.isnan(value) else repr(float(value))])


def make_case(case, levels, truth, pred, probs):
    c = len(levels)
    binary = c == 2
    write_predictions(case, levels, truth, pred, probs)
    rows, tallies = class_rows(truth, pred, c, binary)
    check_against_sklearn(truth, pred, c, binary, tallies)
    rows = agreement_rows(truth, pred, c, binary) + rows + probability_rows(truth, probs, c, binary)
    write_golden(case, rows)


def main():
    rng = np.random.default_rng(20261128)
    # Binary, probabilities in steps of 0.1 (heavy ties), exact 0 and 1 (log-loss clipping).
    n = 80
    truth = rng.integers(0, 2, size=n)
    probs = tied_probabilities(rng, n, 2, 1.0, truth, 10)
    make_case("binary_ties", ["yes", "no"], truth, argmax_first(probs), probs)

    # 10 classes, probabilities in steps of 0.05 (ties), every level present.
    levels = [f"c{k}" for k in range(10)]
    n = 600
    truth = rng.integers(0, 10, size=n)
    probs = tied_probabilities(rng, n, 10, 1.5, truth, 20)
    make_case("multiclass10", levels, truth, argmax_first(probs), probs)

    # 10 classes, level c7 absent from the truth and level c3 never predicted.
    n = 400
    truth = rng.choice([k for k in range(10) if k != 7], size=n)
    probs = tied_probabilities(rng, n, 10, 1.5, truth, 20)
    make_case("multiclass10_absent", levels, truth, argmax_first(probs, forbidden=(3,)), probs)


if __name__ == "__main__":
    main()
