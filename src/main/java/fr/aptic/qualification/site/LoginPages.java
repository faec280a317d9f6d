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
            model.addAttribute(
                    "probleme",
                    "Trop de tentatives échouées : ce compte est bloqué quelques minutes. Réessayez plus tard.");
        }
        model.addAttribute("deconnecte", deconnecte != null);
        return "connexion";
    }
}
