package billing

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"time"
)

// Handler serves the billing endpoints.
type Handler struct {
	Processor *Processor
}

// Charge handles POST /billing/charge.
func (h *Handler) Charge(w http.ResponseWriter, r *http.Request) {
	var req ChargeRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<14)).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := req.Validate(time.Now()); err != nil {
		http.Error(w, err.Error(), http.StatusUnprocessableEntity)
		return
	}
	id, err := h.Processor.Charge(r.Context(), req)
	switch {
	case errors.Is(err, ErrDeclined):
		log.Printf("billing: account %d: %v declined", req.AccountID, req.Card) // OK: Card's String method masks the number
		http.Error(w, "card declined", http.StatusPaymentRequired)
		return
	case err != nil:
		http.Error(w, "payment unavailable", http.StatusBadGateway)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]int64{"invoice_id": id})
}

// Refund handles POST /billing/refund (support staff only).
func (h *Handler) Refund(w http.ResponseWriter, r *http.Request) {
	var req RefundRequest
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<14)).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := h.Processor.Refund(r.Context(), req); err != nil {
		log.Printf("billing: refund of invoice %d failed", req.InvoiceID)
		http.Error(w, "refund failed", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
