package fr.aptic.qualification.site;

import fr.aptic.qualification.web.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page of the partners' and steering pages, in French (Spring Security checks the form it posts;
 * see {@code security.StaffPagesSecurity}): a wrong password, a user locked after failed attempts and a sign-out
 * each say so.
 */
@Controller
@Pages
class LoginPages {

    @GetMapping("/connexion")
    String login(
            @RequestParam(required = false) String erreur,
            @RequestParam(required = false) String bloque,
            @RequestParam(required = false) String deconnecte,
            Model model) {
        if (erreur != null) {
            model.addAttribute("probleme", "Identifiant ou mot de passe incorrect.");
        } else if (bloque != null) {
            model.addAttribute("probleme", locked(bloque));
        }
        model.addAttribute("deconnecte", deconnecte != null);
        return "connexion";
    }

    /**
     * After failed attempts the engine locks the account a little longer each time (3 s, then 6, 12…), and for
     * good after too many: said with the wait, in words.
     */
    static String locked(String seconds) {
        if (seconds.matches("[0-9]{1,7}")) {
            long wait = Long.parseLong(seconds);
            long minutes = (wait + 59) / 60;
            String delay = wait < 60
                    ? wait + " seconde" + (wait > 1 ? "s" : "")
                    : minutes + " minute" + (minutes > 1 ? "s" : "");
            return "Après une tentative échouée, ce compte est bloqué un moment : réessayez dans " + delay + ".";
        }
        return "Ce compte est bloqué après trop de tentatives échouées : demandez à un administrateur de le débloquer.";
    }
}
