package org.openreturns.server.mail;

import org.openreturns.server.identity.Access;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.identity.Refused;
import org.openreturns.server.identity.Role;
import org.openreturns.server.audit.AuditLog;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outbox, for LA administrators: every message the portal has written, newest first, so that mail still reaches
 * people when no mail server is configured, and a failed send can be sent again.
 */
@Controller
class OutboxController {

    static final int PAGE_SIZE = 50;

    private final Outbox outbox;
    private final MailDelivery delivery;
    private final AuditLog audit;

    OutboxController(Outbox outbox, MailDelivery delivery, AuditLog audit) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.audit = audit;
    }

    @GetMapping("/admin/outbox")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(name = "page", defaultValue = "1") String page,
            Model model) {
        Access.require(user, Role.LA_ADMIN);
        int current = page.matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(page)) : 1;
        Outbox.Page shown = outbox.page(current, PAGE_SIZE);
        model.addAttribute("messages", shown.messages());
        model.addAttribute("page", shown.number());
        model.addAttribute("hasNext", shown.hasNext());
        model.addAttribute("smtp", delivery.configured());
        return "mail/outbox";
    }

    @GetMapping("/admin/outbox/{id}")
    String message(@AuthenticationPrincipal PortalUser user, @PathVariable("id") long id, Model model) {
        Access.require(user, Role.LA_ADMIN);
        OutboxMessage message = find(id);
        audit.record(user.email(), user.role().name(), null, "OUTBOX_MESSAGE_VIEWED", "outbox_mail:" + id,
                message.to());
        model.addAttribute("message", message);
        model.addAttribute("smtp", delivery.configured());
        return "mail/message";
    }

    @PostMapping("/admin/outbox/{id}/send")
    String sendAgain(@AuthenticationPrincipal PortalUser user, @PathVariable("id") long id, RedirectAttributes redirect) {
        Access.require(user, Role.LA_ADMIN);
        OutboxMessage message = find(id);
        boolean sent = message.sentAt() == null && delivery.deliver(id);
        audit.record(user.email(), user.role().name(), null, "OUTBOX_MESSAGE_RESENT", "outbox_mail:" + id,
                sent ? "sent" : "not sent");
        redirect.addFlashAttribute(sent ? "resent" : "resendFailed", true);
        return "redirect:/admin/outbox/" + id;
    }

    private OutboxMessage find(long id) {
        return outbox.find(id).orElseThrow(Refused::notFound);
    }
}
