<?php
// Renders DokuWiki pages with Debian's DokuWiki itself, for the comparison in compare-dokuwiki.ts.
// Arguments: id=file pairs. Prints {"id": "<xhtml>", …} as JSON.
define('DOKU_INC', '/usr/share/dokuwiki/');
define('NOSESSION', 1);
$_SERVER['HTTP_HOST'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require_once(DOKU_INC . 'inc/init.php');
$out = [];
foreach (array_slice($argv, 1) as $arg) {
  [$id, $file] = explode('=', $arg, 2);
  global $ID;
  $ID = $id;
  $info = [];
  $out[$id] = p_render('xhtml', p_get_instructions(file_get_contents($file)), $info);
}
echo json_encode($out);
