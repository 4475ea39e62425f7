-- Mail that the application sends. Without SMTP (the embedded default) this table is the outbox: the
-- admin reads the mails on /admin/outbox. With SMTP only the envelope is kept (no body: it may hold
-- a personal link), with whether the server took it.
CREATE TABLE mail_outbox (
    id         UUID PRIMARY KEY,
    recipient  VARCHAR(254) NOT NULL,
    subject    VARCHAR(300) NOT NULL,
    body       VARCHAR(20000),
    delivery   VARCHAR(10) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE,
    error      VARCHAR(500),
    CONSTRAINT mail_outbox_delivery_ck CHECK (delivery IN ('OUTBOX', 'PENDING', 'SENT', 'FAILED'))
);
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at);
