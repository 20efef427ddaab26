import { describe, expect, it } from "vitest";
import { flag, isoDate, listOf, oneOf, optional, positiveNumberUpTo, readSettings, required, text, url, wholeNumber, withDefault } from "./settings.js";

describe("wholeNumber", () => {
  const percent = wholeNumber(0, 90);
  it("takes the limits and refuses one past them", () => {
    expect(percent("0")).toEqual({ value: 0 });
    expect(percent("90")).toEqual({ value: 90 });
    expect(percent("91")).toEqual({ problem: 'must be a whole number from 0 to 90, not "91"' });
    expect(percent("-1")).toEqual({ problem: 'must be a whole number from 0 to 90, not "-1"' });
  });
  it("refuses fractions, blanks, exponents and hex, which Number() would read", () => {
    for (const bad of ["1.5", "", " ", "1e3", "0x10", "ten"]) expect(percent(bad), bad).toHaveProperty("problem");
    expect(percent(" 42 ")).toEqual({ value: 42 });
  });
  it("has no upper limit when none is given", () => {
    expect(wholeNumber(1)("1200000")).toEqual({ value: 1_200_000 });
    expect(wholeNumber(1)("0")).toEqual({ problem: 'must be a whole number, at least 1, not "0"' });
  });
});

it("positiveNumberUpTo takes fractions above 0 up to its limit", () => {
  const hours = positiveNumberUpTo(168);
  expect(hours("0.5")).toEqual({ value: 0.5 });
  expect(hours("168")).toEqual({ value: 168 });
  expect(hours("168.01")).toHaveProperty("problem");
  expect(hours("0")).toHaveProperty("problem");
  expect(hours("-1")).toHaveProperty("problem");
});

it("text counts characters and checks a pattern it describes", () => {
  expect(text(16)("0123456789abcdef")).toEqual({ value: "0123456789abcdef" });
  expect(text(16)("0123456789abcde")).toEqual({ problem: "must be at least 16 characters" });
  expect(text()("")).toEqual({ problem: "must not be empty" });
  const digits = text(1, { regex: /^\d+$/u, description: "digits" });
  expect(digits("12a")).toEqual({ problem: "must be digits" });
});

it("oneOf, flag and url say what they expected", () => {
  expect(oneOf(["a", "b"])("c")).toEqual({ problem: 'must be one of "a"|"b", not "c"' });
  expect(flag("false")).toEqual({ value: false });
  expect(flag("yes")).toEqual({ problem: 'must be "true" or "false", not "yes"' });
  expect(url("http://localhost:8001")).toEqual({ value: "http://localhost:8001" });
  expect(url("localhost")).toHaveProperty("problem");
});

it("isoDate takes days that exist", () => {
  expect(isoDate("2028-02-29")).toEqual({ value: "2028-02-29" });
  expect(isoDate("2026-02-29")).toHaveProperty("problem");
  expect(isoDate("2026-9-2")).toHaveProperty("problem");
});

it("listOf counts the items at its limits and names the bad item", () => {
  const secrets = listOf(text(3), { min: 1, max: 2 });
  expect(secrets(" abc, def ")).toEqual({ value: ["abc", "def"] });
  expect(secrets("abc,def,ghi")).toEqual({ problem: "must list at most 2 comma-separated values, not 3" });
  expect(secrets(" , ")).toEqual({ problem: "must list at least 1 comma-separated value" });
  expect(secrets("abc,de")).toEqual({ problem: "item 2 must be at least 3 characters" });
});

it("readSettings applies defaults, leaves out skipped settings and lists every problem", () => {
  const settings = { A: required(text()), B: withDefault(7, wholeNumber(0)), C: optional(url), D: required(text()) };
  expect(readSettings(settings, { A: "x", D: "y" })).toEqual({ values: { A: "x", B: 7, C: undefined, D: "y" } });
  expect(readSettings(settings, { A: "x" }, new Set(["D"]))).toEqual({ values: { A: "x", B: 7, C: undefined } });
  expect(readSettings(settings, { B: "-1", D: "y" })).toEqual({ problems: ["A: is required", 'B: must be a whole number, at least 0, not "-1"'] });
});
