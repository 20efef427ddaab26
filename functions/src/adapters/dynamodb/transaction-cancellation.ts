import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import type { TableAction } from "./table.js";

export type TransactAction = TableAction;

/** A transaction's actions, each with the name its cancellation is read by (DynamoDB answers by position). */
export type NamedActions<Name extends string> = readonly (readonly [Name, TransactAction])[];

export function transactItems<Name extends string>(actions: NamedActions<Name>): TransactAction[] {
  return actions.map(([, action]) => action);
}

/** Why DynamoDB cancelled a transaction, read by the actions' names. */
export interface TransactionCancellation<Name extends string> {
  /** The condition of (one of) the actions with this name failed. */
  conditionFailed(name: Name): boolean;
  /** Which of the actions with this name (0 = the first of them) failed their condition. */
  conditionsFailedAmong(name: Name): number[];
  /** Another transaction held one of the items at that moment; nothing was written. */
  conflicted: boolean;
}

/** The cancellation of a transaction of these actions; null when the error is anything else (rethrow it). */
export function transactionCancellation<Name extends string>(error: unknown, actions: NamedActions<Name>): TransactionCancellation<Name> | null {
  if (!(error instanceof TransactionCanceledException)) return null;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code);
  const failedAmong = (name: Name): number[] => {
    const failed: number[] = [];
    let ordinal = 0;
    actions.forEach(([actionName], index) => {
      if (actionName !== name) return;
      if (codes[index] === "ConditionalCheckFailed") failed.push(ordinal);
      ordinal += 1;
    });
    return failed;
  };
  return {
    conditionFailed: (name) => failedAmong(name).length > 0,
    conditionsFailedAmong: failedAmong,
    conflicted: codes.includes("TransactionConflict"),
  };
}
