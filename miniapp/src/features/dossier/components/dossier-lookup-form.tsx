import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { Box, Button, Input } from "zmp-ui";
import "./dossier.css";
import { vi } from "../../../copy/vi";
import { checkDossierCode } from "../dossier-code";
import { dossierCodeMessage } from "../dossier-code-message";
import { dossierRoute } from "../dossier-link";

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
        helperText={error ? undefined : vi.lookup.codeHelper}
        errorText={error}
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
        clearable
      />
      <Box mt={4}>
        <Button htmlType="submit" variant="primary" size="large" fullWidth>
          {vi.lookup.submit}
        </Button>
      </Box>
    </form>
  );
}
