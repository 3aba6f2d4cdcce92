// Polaris toasts for the whole admin: a screen calls showToast("Saved") after an action.
import { createContext, useCallback, useContext, useState, type ReactNode } from "react";
import { Toast } from "@shopify/polaris";

type ShowToast = (message: string, options?: { error?: boolean }) => void;

const ToastContext = createContext<ShowToast>(() => undefined);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<{ message: string; error: boolean; key: number }>();
  const showToast = useCallback<ShowToast>((message, options) => {
    setToast({ message, error: options?.error ?? false, key: Date.now() });
  }, []);
  return (
    <ToastContext.Provider value={showToast}>
      {children}
      {toast && (
        <Toast key={toast.key} content={toast.message} error={toast.error} onDismiss={() => setToast(undefined)} />
      )}
    </ToastContext.Provider>
  );
}

export function useToast(): ShowToast {
  return useContext(ToastContext);
}
