import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { Box, Button, Input } from "zmp-ui";
import "./dossier.css";
import { vi } from "../../../copy/vi";
import { checkDossierCode } from "../dossier-code";
import { dossierCodeMessage } from "../dossier-code-message";
import { dossierRoute } from "../dossier-link";
import { AppIcon } from "../../../shared/ui/icons";

export function DossierLookupForm() {
  const navigate = useNavigate();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent) {
    event.preventDefault();
    const check = checkDossierCode(value);
    if (!check.ok) {
      setError(dossierCodeMessage(check.problem));
      return;
    }
    setError(undefined);
    navigate(dossierRoute(check.code));
  }

  return (
    <form className="lookup-form" onSubmit={submit} noValidate>
      <p className="lookup-form__intro">{vi.lookup.intro}</p>
      <Input
        id="dossier-code"
        name="dossierCode"
        className="lookup-form__input"
        // zmp-ui renders its label as plain text; a real <label> lets screen readers name the field.
        label={<label htmlFor="dossier-code">{vi.lookup.codeLabel}</label>}
        placeholder={vi.lookup.codePlaceholder}
        // The hint and the error are ours, below the field, so the field can name them (zmp-ui's have no id).
        aria-describedby="dossier-code-help"
        status={error ? "error" : undefined}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          if (error) setError(undefined);
        }}
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="search"
        aria-invalid={error ? true : undefined}
        size="large"
        // zmp-ui's clear "×" is a nameless 16 px span: this one is named and styled to a 44 px target (dossier.css).
        allowClear={{
          clearIcon: (
            <span className="lookup-form__clear">
              <AppIcon name="close" size={22} />
              <span className="visually-hidden">{vi.a11y.clearInput}</span>
            </span>
          ),
        }}
      />
      <p id="dossier-code-help" className={error ? "lookup-form__help lookup-form__help--error" : "lookup-form__help"} role={error ? "alert" : undefined}>
        {error ?? vi.lookup.codeHelper}
      </p>
      <Box mt={4}>
        <Button htmlType="submit" variant="primary" size="large" fullWidth>
          {vi.lookup.submit}
        </Button>
      </Box>
    </form>
  );
}
