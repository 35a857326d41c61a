ƒ{"jsonrpc":"2.0","id":4,"method":"account.login","params":{"phone":"15900006962","password":"abc12345","code":"123456","client":"203.0.113.5"}}
