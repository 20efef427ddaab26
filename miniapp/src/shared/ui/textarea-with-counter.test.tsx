import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { TextareaWithCounter } from "./textarea-with-counter";

function Field({ initial = "" }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return <TextareaWithCounter label="Nội dung" placeholder="Nhập nội dung" rows={3} maxLength={10} value={value} onChange={setValue} />;
}

describe("TextareaWithCounter", () => {
  it("is named by its label, carries the limit, and counts what is typed up to it", () => {
    render(<Field />);
    // The counter sits inside the label, so it is read with the name.
    const box = screen.getByRole("textbox", { name: /^Nội dung/u });
    const counter = box.nextElementSibling!;
    expect(box.getAttribute("maxlength")).toBe("10");
    expect(counter.textContent).toBe("0/10 ký tự");
    fireEvent.change(box, { target: { value: "Đủ 10 chữ!" } });
    expect((box as HTMLTextAreaElement).value).toBe("Đủ 10 chữ!");
    expect(counter.textContent).toBe("10/10 ký tự");
  });
});
