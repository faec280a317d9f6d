/*
 * #APTIC: Tasklist's "Créer une tâche" and "Démarrer un processus" show only to the users the engine lets create a
 * task or start a process; hub reviewers and network partners may do neither (the engine refuses it too).
 * styles/user-styles.css hides both menus until this plugin has asked the engine for the user who logged in.
 */
const MAY_CREATE_TASK = 'aptic-peut-creer-tache';
const MAY_START_PROCESS = 'aptic-peut-demarrer-processus';

document.documentElement.lang = 'fr';

/** The engine's REST root for the webapps: the plugin API gives it with the engine's name ("…/engine/default"). */
function engineRoot(api) {
  if (api && api.engineApi) {
    return api.engineApi.replace(/\/+$/, '');
  }
  const base = document.querySelector('base');
  return (base ? base.getAttribute('engine-api') : '/camunda/api/engine/').replace(/\/+$/, '') + '/engine/default';
}

function whenAllowed(url, allowed, className) {
  fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => (response.ok ? response.json() : null))
    .then(answer => {
      if (answer && allowed(answer)) {
        document.body.classList.add(className);
      }
    })
    .catch(() => {});
}

export default {
  id: 'aptic-menus',
  pluginPoint: 'tasklist.navbar.action',
  priority: -1000,
  render(node, context) {
    // the navbar is drawn again at each login: what the previous user could do is forgotten first
    document.body.classList.remove(MAY_CREATE_TASK, MAY_START_PROCESS);
    const root = engineRoot(context && context.api);
    whenAllowed(
      root + '/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7',
      answer => answer.authorized === true,
      MAY_CREATE_TASK
    );
    // the list Tasklist's "Démarrer un processus" would offer this user
    whenAllowed(
      root +
        '/process-definition/count?latestVersion=true&active=true&startableInTasklist=true' +
        '&startablePermissionCheck=true',
      answer => answer.count > 0,
      MAY_START_PROCESS
    );
  },
  unmount() {
    document.body.classList.remove(MAY_CREATE_TASK, MAY_START_PROCESS);
  }
};
