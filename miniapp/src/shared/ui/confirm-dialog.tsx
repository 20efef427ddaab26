import { useId } from "react";
import { Modal } from "zmp-ui";

export interface ConfirmDialogProps {
  visible: boolean;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A yes/no question before an action that cannot be taken back. zmp-ui's Modal points aria-labelledby at an id
 * nothing carries; the hidden copy of the title here carries it, so a screen reader names the dialog.
 */
export function ConfirmDialog({ visible, title, body, confirm, cancel, danger, onConfirm, onCancel }: ConfirmDialogProps) {
  const titleId = `${useId()}-title`;
  return (
    <Modal
      visible={visible}
      title={title}
      // Passed through to the dialog element at run time; zmp-ui's ModalProps type leaves it out.
      {...({ ariaId: titleId } as object)}
      description={body}
      onClose={onCancel}
      actions={[
        { text: cancel, close: true },
        danger ? { text: confirm, danger: true, onClick: onConfirm } : { text: confirm, highLight: true, onClick: onConfirm },
      ]}
    >
      <span id={titleId} hidden>
        {title}
      </span>
    </Modal>
  );
}
