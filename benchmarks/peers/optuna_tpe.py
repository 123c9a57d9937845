#!/usr/bin/python3
"""Peer for BayesVsRandomRun: Optuna's TPE, ask-and-tell over stdin/stdout, so it searches exactly
tune4j's objective (the Java side evaluates every suggestion by 5-fold CV and writes the mean back).

For each of N trials it prints one JSON line of parameters and reads one line with the value:

    /usr/bin/python3 benchmarks/peers/optuna_tpe.py SEED N
"""
import json
import sys

import optuna


def main():
    seed, n = int(sys.argv[1]), int(sys.argv[2])
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=seed))
    for _ in range(n):
        trial = study.ask()
        params = {
            "dense_units": trial.suggest_int("dense_units", 32, 256),
            "dropout_rate": trial.suggest_float("dropout_rate", 0.0, 0.49),
            "learn_rate": trial.suggest_float("learn_rate", 1e-4, 1e-1, log=True),
        }
        print(json.dumps(params), flush=True)
        study.tell(trial, float(sys.stdin.readline()))


if __name__ == "__main__":
    main()
